using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Force12.Queues.Testing.Pods;

namespace Force12.Queues.Core.Tests.Configuration;

/// <summary>
/// An orchestrator kind with one agent-wide key (<c>endpoint</c>, required to be absolute) and one per-pipeline key
/// (<c>namespace</c>), recording what it was asked to create. With <paramref name="podDefinedBy"/> it stands for a kind
/// whose engine defines the pods (the pipeline's <c>pod</c> section is then rejected).
/// </summary>
internal sealed class RecordingOrchestratorProvider(string kind, string? podDefinedBy = null) : IPodOrchestratorProvider
{
    public const string Endpoint = "endpoint";

    public const string Namespace = "namespace";

    public string Kind { get; } = kind;

    public IReadOnlyList<string> Keys { get; } = [Endpoint];

    public string? PodDefinedBy { get; } = podDefinedBy;

    public IReadOnlyList<string> PipelineKeys { get; } = [OrchestratorKeys.Kind, Namespace];

    public List<(string? Endpoint, IReadOnlyDictionary<string, OrchestratorPipelineSettings> Pipelines)> Created { get; } = [];

    public OrchestratorPipelineSettings? ReadPipeline(SectionReader settings) =>
        new NamespaceSettings(settings.Text(Namespace, fallback: "default")!);

    public IPodOrchestrator? Create(SectionReader settings, IReadOnlyDictionary<string, OrchestratorPipelineSettings> pipelines)
    {
        var endpoint = settings.Text(Endpoint);
        if (endpoint is not null && !Uri.IsWellFormedUriString(endpoint, UriKind.Absolute))
        {
            settings.Fail(new SettingProblem(Endpoint, $"'{endpoint}' is not an absolute URI"));
            return null;
        }

        Created.Add((endpoint, pipelines));
        return new FakePodOrchestrator(TimeProvider.System, Kind);
    }

    /// <summary>The per-pipeline settings of this kind.</summary>
    public sealed record NamespaceSettings(string Namespace) : OrchestratorPipelineSettings;
}
