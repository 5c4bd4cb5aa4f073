using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Agent;

/// <summary>What <see cref="DecisionStep"/> returns for one pipeline and one tick.</summary>
public sealed record DecisionStepResult
{
    /// <summary>What the policy decided from (the mapped snapshot, pods and carried state).</summary>
    public required PolicyInput Input { get; init; }

    /// <summary>The policy's decision: <see cref="ScalingDecision.NeededPods"/>, reason and sentence.</summary>
    public required ScalingDecision Decision { get; init; }

    /// <summary>The pods counted by state, for the capacity request (current and stopping pods) and the status.</summary>
    public required PodCounts Pods { get; init; }

    /// <summary>The state to pass into the next tick's step.</summary>
    public required PipelineState State { get; init; }
}
