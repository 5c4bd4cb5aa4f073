namespace Force12.Queues.Core.Configuration;

/// <summary>
/// The key every pipeline's <c>orchestrator</c> mapping has; the other keys are the orchestrator kind's own
/// (<see cref="Pods.IPodOrchestratorProvider.PipelineKeys"/>), as are the keys of <c>orchestrators.KIND</c>
/// (<see cref="Pods.IPodOrchestratorProvider.Keys"/>).
/// </summary>
public static class OrchestratorKeys
{
    /// <summary><c>kind</c>: which orchestrator kind runs the pipeline's pods, for example <c>docker</c>.</summary>
    public const string Kind = "kind";
}
