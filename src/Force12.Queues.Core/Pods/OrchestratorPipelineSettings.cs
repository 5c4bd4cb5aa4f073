namespace Force12.Queues.Core.Pods;

/// <summary>
/// One pipeline's settings for its orchestrator kind (the keys of its <c>orchestrator</c> mapping besides
/// <c>kind</c>). A kind with per-pipeline settings (for example a Kubernetes target) derives its own typed record;
/// a kind without any uses <see cref="None"/>.
/// </summary>
public record OrchestratorPipelineSettings
{
    /// <summary>No per-pipeline settings.</summary>
    public static OrchestratorPipelineSettings None { get; } = new();
}
