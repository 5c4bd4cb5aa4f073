namespace Force12.Queues.Core.Scaling;

/// <summary>Why <see cref="SlaScalingPolicy"/> chose the pod count it returned. A closed set: dashboards and alerts key on it.</summary>
public enum ScalingReason
{
    /// <summary>The current pods meet the SLA requirement; nothing changes.</summary>
    WithinSla = 0,

    /// <summary>Backlog and arrivals need more pods to drain within the SLA; scaled up at once.</summary>
    ScaleUpForSla = 1,

    /// <summary>Scaled up, but by no more than the configured per-tick step.</summary>
    ScaleUpBoundedByStep = 2,

    /// <summary>The need has been lower for the whole stabilisation window; scaled down to the highest need seen in it.</summary>
    ScaleDownAfterStabilisation = 3,

    /// <summary>The need is lower, but not yet for the whole stabilisation window; pods are kept.</summary>
    ScaleDownDeferred = 4,

    /// <summary>The pipeline had no pods and its backlog crossed the activation threshold.</summary>
    ActivatedFromZero = 5,

    /// <summary>No backlog and no arrivals: held at the minimum (zero when the minimum is zero).</summary>
    IdleAtMinimum = 6,

    /// <summary>The SLA needs more pods than the useful parallelism (partitions or shards per consumer); capped there.</summary>
    CappedAtUsefulParallelism = 7,

    /// <summary>The SLA needs more pods than the configured maximum; capped there.</summary>
    CappedAtMaximum = 8,

    /// <summary>Some partitions cannot drain within the SLA at one consumer's rate; they got one pod each and are flagged, not chased.</summary>
    HotPartitionsFlagged = 9,

    /// <summary>The last poll failed or returned no metrics; pods are held (never scaled down on missing data).</summary>
    MetricsUnavailableHold = 10,

    /// <summary>Several consecutive polls failed; moved to the fallback pod count (never zero).</summary>
    FallbackAfterFailedPolls = 11,

    /// <summary>The consumer group stopped committing while lag grows; more pods would not help, so pods are held.</summary>
    ConsumerGroupStalled = 12,

    /// <summary>
    /// The arrival rate forecast for now + lead needs more pods than backlog and arrivals do now: pods are added or
    /// kept ahead of demand (forecast mode <c>on</c>; a forecast never removes pods).
    /// </summary>
    Forecast = 13,
}
