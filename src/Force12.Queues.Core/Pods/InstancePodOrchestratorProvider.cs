using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Core.Pods;

/// <summary>
/// A provider that hands out one orchestrator built in code (tests, embedded hosts): its kind has no settings, so an
/// <c>orchestrators.KIND</c> section or a per-pipeline key besides <c>kind</c> is rejected as unknown.
/// </summary>
public sealed class InstancePodOrchestratorProvider(IPodOrchestrator orchestrator) : IPodOrchestratorProvider
{
    private readonly IPodOrchestrator _orchestrator = orchestrator ?? throw new ArgumentNullException(nameof(orchestrator));

    /// <inheritdoc />
    public string Kind => _orchestrator.Kind;

    /// <inheritdoc />
    public IReadOnlyList<string> Keys { get; } = [];

    /// <inheritdoc />
    public IReadOnlyList<string> PipelineKeys { get; } = [OrchestratorKeys.Kind];

    /// <inheritdoc />
    public OrchestratorPipelineSettings? ReadPipeline(SectionReader settings) => OrchestratorPipelineSettings.None;

    /// <inheritdoc />
    public IPodOrchestrator? Create(SectionReader settings, IReadOnlyDictionary<string, OrchestratorPipelineSettings> pipelines) => _orchestrator;
}
