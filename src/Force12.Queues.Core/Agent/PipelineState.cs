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
}
