namespace Force12.Queues.Core.Scaling;

/// <summary>What <see cref="SlaScalingPolicy"/> decided for one pipeline at one instant.</summary>
public sealed record ScalingDecision
{
    /// <summary>
    /// Pods the policy needs for the pipeline, within [MinPods, MaxPods], after stabilisation and step limits. The
    /// capacity allocator may grant fewer: what the pipeline is then scaled to is the target
    /// (<c>PipelineStatus.TargetPods</c>).
    /// </summary>
    public required int NeededPods { get; init; }

    /// <summary>Pods the SLA formula asks for right now, before stabilisation and step limits (still capped).</summary>
    public required int InstantNeed { get; init; }

    /// <summary>Why <see cref="NeededPods"/> has its value.</summary>
    public required ScalingReason Reason { get; init; }

    /// <summary>A sentence a person can read, invariant culture, for example
    /// "backlog 48,000 msgs drains in 9.6 s at 5 pods; SLA 10 s; arrivals 1,200/s".</summary>
    public required string Explanation { get; init; }

    /// <summary>Per-pod throughput (messages per second) the decision used: learned, or the prior.</summary>
    public required double PerPodThroughput { get; init; }

    /// <summary>
    /// Pods the forecast alone asks for (arrivals at the forecast rate, no backlog, same caps), or <c>null</c> without a
    /// forecast. Set in shadow mode too, so the status can show what the forecast would have done.
    /// </summary>
    public int? ForecastNeed { get; init; }

    /// <summary>The history to pass into the next decision.</summary>
    public required StabilisationHistory History { get; init; }
}
