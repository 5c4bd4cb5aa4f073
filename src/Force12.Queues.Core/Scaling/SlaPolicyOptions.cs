namespace Force12.Queues.Core.Scaling;

/// <summary>
/// Per-pipeline settings of <see cref="SlaScalingPolicy"/>. Immutable; check with
/// <see cref="SlaPolicyOptionsValidator"/> before use. Defaults come from <see cref="SlaPolicyDefaults"/>.
/// </summary>
public sealed record SlaPolicyOptions
{
    /// <summary>Maximum acceptable time from a message arriving to it being processed. Default 10 s; must be positive.</summary>
    public TimeSpan Sla { get; init; } = SlaPolicyDefaults.Sla;

    /// <summary>Fewest pods the policy returns (zero allows scale to zero). Default 1.</summary>
    public int MinPods { get; init; } = SlaPolicyDefaults.MinPods;

    /// <summary>Most pods the policy returns. Default 100; must be at least <see cref="MinPods"/> and at least 1.</summary>
    public int MaxPods { get; init; } = SlaPolicyDefaults.MaxPods;

    /// <summary>Messages per second one saturated pod processes, used until a rate is learned. Default 100; must be positive.</summary>
    public double PerPodThroughputPrior { get; init; } = SlaPolicyDefaults.PerPodThroughputPrior;

    /// <summary>Backlog in messages above which a pipeline at zero pods gets pods. Default 0 (any backlog); must be &gt;= 0.</summary>
    public long ActivationBacklogThreshold { get; init; } = SlaPolicyDefaults.ActivationBacklogThreshold;

    /// <summary>Most pods added in one decision; <c>null</c> (default) means scale up to the need at once.</summary>
    public int? MaxScaleUpStep { get; init; }

    /// <summary>How long a lower need must hold before pods are removed. Default 30 s; must be &gt;= 0.</summary>
    public TimeSpan ScaleDownStabilisation { get; init; } = SlaPolicyDefaults.ScaleDownStabilisation;

    /// <summary>Consecutive failed polls after which <see cref="FallbackPods"/> applies. Default 3; must be &gt;= 1.</summary>
    public int FallbackAfterFailedPolls { get; init; } = SlaPolicyDefaults.FallbackAfterFailedPolls;

    /// <summary>Pods to run after <see cref="FallbackAfterFailedPolls"/> failed polls. Default 1; must be &gt;= 1 and &lt;= <see cref="MaxPods"/>.</summary>
    public int FallbackPods { get; init; } = SlaPolicyDefaults.FallbackPods;

    /// <summary>Weight (0, 1] of a new saturated sample when learning per-pod throughput. Default 0.3.</summary>
    public double ThroughputSmoothing { get; init; } = SlaPolicyDefaults.ThroughputSmoothing;

    /// <summary>Seconds of queued work (backlog / processing rate) at which pods count as saturated. Default 1 s; must be &gt; 0.</summary>
    public double SaturationBacklogSeconds { get; init; } = SlaPolicyDefaults.SaturationBacklogSeconds;

    /// <summary>
    /// How long the ready pod count must stand still before the group counts as stable and its processing rate may
    /// teach per-pod throughput: after pods join or leave, consumers wait for partitions to move, and the rate they
    /// show then is the group's settling, not what a pod can do. Default 5 s; must be &gt;= 0.
    /// </summary>
    public TimeSpan GroupSettleTime { get; init; } = SlaPolicyDefaults.GroupSettleTime;
}
