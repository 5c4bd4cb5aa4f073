namespace Force12.Queues.Core.Scaling;

/// <summary>
/// Everything <see cref="SlaScalingPolicy"/> decides from: aggregated numbers for one pipeline at one
/// instant, plus the state the policy needs (learned throughput, stabilisation history), passed in
/// explicitly so the policy stays a pure function. Rates are messages per second.
/// </summary>
public sealed record PolicyInput
{
    /// <summary>When the numbers were observed; used only to age the stabilisation history.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Unprocessed messages summed over partitions or shards (never negative).</summary>
    public long BacklogMessages { get; init; }

    /// <summary>
    /// Age in seconds of the oldest unprocessed message, or <c>null</c> when unknown. The decision's sentence
    /// says so when it is already over the SLA; the pod count comes from backlog and rates.
    /// </summary>
    public double? OldestUnprocessedAgeSeconds { get; init; }

    /// <summary>Messages arriving per second (lambda).</summary>
    public double ArrivalRatePerSecond { get; init; }

    /// <summary>Messages processed (committed) per second by the whole group.</summary>
    public double ProcessingRatePerSecond { get; init; }

    /// <summary>Most pods that can do useful work: partitions or shards divided by consumers per pod.</summary>
    public int UsefulParallelism { get; init; } = int.MaxValue;

    /// <summary>Pods asked for and not stopping (starting or ready).</summary>
    public int CurrentPods { get; init; }

    /// <summary>Pods that are ready and consuming.</summary>
    public int ReadyPods { get; init; }

    /// <summary><c>false</c> when the last poll failed or returned no usable metrics.</summary>
    public bool MetricsAvailable { get; init; } = true;

    /// <summary>Polls that failed in a row up to now (0 after a good poll).</summary>
    public int ConsecutiveFailedPolls { get; init; }

    /// <summary>Partitions or shards whose backlog cannot drain within the SLA at one consumer's rate.</summary>
    public int HotUnits { get; init; }

    /// <summary>Backlog in messages held by the <see cref="HotUnits"/> (part of <see cref="BacklogMessages"/>).</summary>
    public long HotBacklogMessages { get; init; }

    /// <summary>Arrivals per second into the <see cref="HotUnits"/> (part of <see cref="ArrivalRatePerSecond"/>).</summary>
    public double HotArrivalRatePerSecond { get; init; }

    /// <summary>
    /// <c>false</c> when the consumer group rebalanced (members joined or left, partitions paused) during the
    /// measured interval: its processing rate then says nothing about pod throughput. Default <c>true</c>.
    /// </summary>
    public bool GroupStable { get; init; } = true;

    /// <summary><c>true</c> when the group stopped committing while lag grows (Burrow's STOP/STALL).</summary>
    public bool Stalled { get; init; }

    /// <summary>Learned per-pod throughput so far (see <see cref="ThroughputLearner"/>).</summary>
    public ThroughputEstimate Throughput { get; init; } = ThroughputEstimate.Unknown;

    /// <summary>The arrival-rate forecast to prepare for, or <c>null</c> (default) when the pipeline has none yet or it is off.</summary>
    public PolicyForecast? Forecast { get; init; }

    /// <summary>Needs of recent decisions, for the scale-down stabilisation window.</summary>
    public StabilisationHistory History { get; init; } = StabilisationHistory.Empty;
}
