using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Configuration;

/// <summary>
/// Reads the orchestrator side of the configuration with the <see cref="IPodOrchestratorProvider"/> of each kind: a
/// pipeline's <c>orchestrator</c> (a kind, or a mapping of <c>kind</c> and the kind's per-pipeline keys) and the
/// agent-wide <c>orchestrators</c> section (settings keyed by kind), and creates one orchestrator for every kind that a
/// pipeline uses or that has a section. Reports every problem under its path; connects to nothing.
/// </summary>
internal sealed class OrchestratorsReader(IEnumerable<IPodOrchestratorProvider> providers)
{
    private readonly Dictionary<string, IPodOrchestratorProvider> _providers = providers.ToDictionary(p => p.Kind, StringComparer.Ordinal);

    private string Known => string.Join(", ", _providers.Keys.Order(StringComparer.Ordinal));

    /// <summary>Reads <c>orchestrator</c> of <paramref name="pipeline"/>; null when it is missing or names no known kind.</summary>
    public OrchestratorSelection? ReadSelection(SectionReader pipeline)
    {
        var section = pipeline.Child(PipelineKeys.Orchestrator);
        var isMapping = section.Section.Value is null && section.Section.GetChildren().Any();
        var kind = isMapping ? section.Text(OrchestratorKeys.Kind, required: true) : pipeline.Text(PipelineKeys.Orchestrator, required: true);
        if (kind is null)
        {
            return null;
        }

        if (!_providers.TryGetValue(kind, out var provider))
        {
            var unknown = $"unknown kind '{kind}' (known: {Known})";
            (isMapping ? section : pipeline).Fail(isMapping ? OrchestratorKeys.Kind : PipelineKeys.Orchestrator, unknown);
            return null;
        }

        section.RejectUnknown(provider.PipelineKeys);
        return new OrchestratorSelection(kind, provider.ReadPipeline(section), provider.PodDefinedBy);
    }

    /// <summary>
    /// Reads <paramref name="orchestrators"/> (the agent-wide section) and creates the orchestrator of every kind that
    /// <paramref name="selections"/> (by pipeline name) use or that has a section there.
    /// </summary>
    /// <returns>The orchestrators created, by kind; a kind whose settings have errors is missing.</returns>
    public Dictionary<string, IPodOrchestrator> Create(SectionReader orchestrators, IReadOnlyDictionary<string, OrchestratorSelection> selections)
    {
        var kinds = new SortedSet<string>(selections.Values.Select(s => s.Kind), StringComparer.Ordinal);
        if (orchestrators.Section.Value is not null)
        {
            orchestrators.Fail(null, $"must map orchestrator kinds ({Known}) to their settings");
        }

        foreach (var child in orchestrators.Section.GetChildren())
        {
            if (_providers.ContainsKey(child.Key))
            {
                kinds.Add(child.Key);
            }
            else
            {
                orchestrators.Fail(child.Key, $"unknown kind '{child.Key}' (known: {Known})");
            }
        }

        var created = new Dictionary<string, IPodOrchestrator>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            var provider = _providers[kind];
            var settings = orchestrators.Child(kind);
            settings.RejectUnknown(provider.Keys);
            var pipelines = selections
                .Where(s => s.Value.Kind == kind && s.Value.Settings is not null)
                .ToDictionary(s => s.Key, s => s.Value.Settings!, StringComparer.Ordinal);
            if (provider.Create(settings, pipelines) is { } orchestrator)
            {
                created[kind] = orchestrator;
            }
        }

        return created;
    }
}
