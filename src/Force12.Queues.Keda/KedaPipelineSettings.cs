using Force12.Queues.Core.Pods;

namespace Force12.Queues.Keda;

/// <summary>A pipeline actuated by KEDA: it has no per-pipeline setting (the ScaledObject names the pipeline).</summary>
public sealed record KedaPipelineSettings : OrchestratorPipelineSettings
{
    /// <summary>The one instance.</summary>
    public static KedaPipelineSettings Instance { get; } = new();
}
