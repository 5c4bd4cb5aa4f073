using Force12.Queues.Core.Capacity;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.Core.Agent;

/// <summary>Builds the <see cref="PipelineStatus"/> that <see cref="ControlLoop"/> publishes for a pipeline after a tick.</summary>
internal static class LoopStatus
{
    /// <summary>The status of <paramref name="pipeline"/> after a tick.</summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="collection">This tick's collection.</param>
    /// <param name="step">This tick's decision step.</param>
    /// <param name="allocation">The pipeline's share of the pool.</param>
    /// <param name="listed">False when its pods could not be listed this tick (they were held).</param>
    /// <param name="orchestratorError">The orchestrator's current error, or null.</param>
    public static PipelineStatus Of(PipelineConfiguration pipeline, LagCollectionResult collection, DecisionStepResult step, PipelineAllocation allocation,
        bool listed, string? orchestratorError)
    {
        var decision = step.Decision;
        var totals = collection.Snapshot?.Totals;
        var reason = allocation.ShortOfNeed > 0
            ? $"{decision.Explanation}; capacity short by {allocation.ShortOfNeed} pods"
            : decision.Explanation;
        reason = listed ? reason : $"{reason}; pods could not be listed, holding them";
        return new PipelineStatus
        {
            Name = pipeline.Name,
            SourceKind = pipeline.Source.Kind,
            OrchestratorKind = pipeline.OrchestratorKind,
            Priority = pipeline.IsRemainder ? int.MaxValue : pipeline.Priority,
            SlaSeconds = pipeline.Policy.Sla.TotalSeconds,
            BacklogMessages = totals?.Lag,
            BacklogSeconds = totals?.MaxLagSeconds,
            ArrivalRate = totals?.ArrivalRate,
            ProcessingRate = totals?.ProcessingRate,
            NeededPods = decision.NeededPods,
            TargetPods = allocation.TargetPods,
            RunningPods = step.Pods.ContainersRunning,
            ReadyPods = step.Pods.Ready,
            WarmPods = step.Pods.Warm,
            ReasonCode = decision.Reason.ToString(),
            Reason = reason,
            CapacityUsed = step.Pods.CapacityUsed + (pipeline.Pod.WarmCountsAgainstCapacity ? step.Pods.Warm : 0),
            LastSuccessfulCollectTick = step.State.LastSuccessfulCollectTick,
            CollectorError = collection.Error?.ToString(),
            OrchestratorError = orchestratorError,
            Units = collection.Snapshot?.Units,
        };
    }
}
