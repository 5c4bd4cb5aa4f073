using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Agent;

/// <summary>What the control loop carries from one tick to the next for one pipeline.</summary>
public sealed record PipelineState
{
    /// <summary>The state of a pipeline the loop has not ticked yet.</summary>
    public static PipelineState Initial { get; } = new();

    /// <summary>Learned per-pod throughput.</summary>
    public ThroughputEstimate Throughput { get; init; } = ThroughputEstimate.Unknown;

    /// <summary>Recent needs, for the scale-down stabilisation window.</summary>
    public StabilisationHistory History { get; init; } = StabilisationHistory.Empty;

    /// <summary>Collections that failed in a row (0 after a success).</summary>
    public int ConsecutiveFailedPolls { get; init; }

    /// <summary>Tick of the last successful collection, or null.</summary>
    public long? LastSuccessfulCollectTick { get; init; }

    /// <summary>Ready pods at the last tick, or null before the first.</summary>
    public int? ReadyPods { get; init; }

    /// <summary>Since when <see cref="ReadyPods"/> has held, or null before the first tick.</summary>
    public DateTimeOffset? ReadyPodsSince { get; init; }

    /// <summary>This state with <paramref name="readyPods"/> observed at <paramref name="at"/>: the time it holds since restarts when the count changed.</summary>
    public PipelineState ObserveReadyPods(int readyPods, DateTimeOffset at) =>
        readyPods == ReadyPods ? this : this with { ReadyPods = readyPods, ReadyPodsSince = at };
}
