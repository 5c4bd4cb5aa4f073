using Force12.Queues.Core.Capacity;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Leadership;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;
using Microsoft.Extensions.Configuration;

namespace Force12.Queues.Core.Configuration;

/// <summary>
/// Turns configuration (YAML, JSON, environment variables) into an <see cref="AgentConfiguration"/>,
/// reporting every problem at once, each naming the pipeline and the field. Source settings are read
/// by the <see cref="ILagSourceProvider"/> of their kind; orchestrator settings (<c>orchestrators.KIND</c> and a
/// pipeline's <c>orchestrator</c> mapping) by the <see cref="IPodOrchestratorProvider"/> of their kind, which creates
/// the orchestrators the agent runs; pod templates are checked by those orchestrators. Starts nothing.
/// </summary>
public sealed class AgentConfigurationReader
{
    private readonly Dictionary<string, ILagSourceProvider> _sources;
    private readonly OrchestratorsReader _orchestrators;

    /// <summary>Creates a reader that knows the given source and orchestrator kinds.</summary>
    public AgentConfigurationReader(IEnumerable<ILagSourceProvider> sources, IEnumerable<IPodOrchestratorProvider> orchestrators)
    {
        _sources = sources.ToDictionary(s => s.Kind, StringComparer.Ordinal);
        _orchestrators = new OrchestratorsReader(orchestrators);
    }

    /// <summary>Reads <paramref name="configuration"/>; the result holds either the configuration or every error.</summary>
    public ConfigurationResult Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var root = new SectionReader(AsSection(configuration), "", errors);
        root.RejectUnknown(AgentKeys.All);
        var http = root.Child(AgentKeys.Http);
        var metrics = root.Child(AgentKeys.Metrics);
        http.RejectUnknown(HttpKeys.All);
        metrics.RejectUnknown(MetricsKeys.All);
        var perPartition = metrics.Flag(MetricsKeys.PerPartition, false);
        var pollInterval = root.Duration(AgentKeys.PollInterval, AgentConfiguration.DefaultPollInterval, positive: true);
        var collectTimeout = root.Duration(AgentKeys.CollectTimeout, pollInterval, positive: true);
        var httpAddress = http.Text(HttpKeys.Address, fallback: AgentConfiguration.DefaultHttpAddress)!;
        if (!System.Net.IPEndPoint.TryParse(httpAddress, out var endpoint) || endpoint.Port == 0)
        {
            http.Fail(HttpKeys.Address, $"'{httpAddress}' is not an IP address with a port, for example 127.0.0.1:8412");
        }

        var leaderElection = LeaderElectionReader.Read(root.Child(AgentKeys.LeaderElection));
        var capacity = ReadCapacity(root.Child(AgentKeys.Capacity));
        var pipelines = root.Section.GetSection(AgentKeys.Pipelines).GetChildren().ToArray();
        if (pipelines.Length == 0)
        {
            root.Fail(AgentKeys.Pipelines, "is required: configure at least one pipeline");
        }

        var selections = new Dictionary<string, OrchestratorSelection>(StringComparer.Ordinal);
        var pods = new List<(PodTemplate Pod, string? Kind)>();
        var read = pipelines.Select(p => ReadPipeline(p.Key, root.Child(AgentKeys.Pipelines).Child(p.Key), selections, pods)).ToArray();
        var orchestrators = _orchestrators.Create(root.Child(AgentKeys.Orchestrators), selections);
        foreach (var (pod, kind) in pods)
        {
            // Without an orchestrator (unknown kind, or its settings have errors) the shared template rules still apply.
            var orchestrator = kind is null ? null : orchestrators.GetValueOrDefault(kind);
            foreach (var error in orchestrator?.Validate(pod) ?? PodTemplateValidator.Validate(pod))
            {
                root.Report(error);
            }
        }

        if (errors.Count == 0 && (read.Any(p => p is null) || selections.Values.Any(s => !orchestrators.ContainsKey(s.Kind))))
        {
            // A provider that rejects its settings must say why; never start with a pipeline or orchestrator missing.
            root.Fail(AgentKeys.Pipelines, "a pipeline could not be read, and its source or orchestrator provider gave no reason");
        }

        if (errors.Count > 0)
        {
            return ConfigurationResult.Invalid(errors);
        }

        return ConfigurationResult.Valid(new AgentConfiguration
        {
            PollInterval = pollInterval,
            CollectTimeout = collectTimeout,
            HttpAddress = httpAddress,
            PerPartitionMetrics = perPartition,
            LeaderElection = leaderElection,
            Capacity = capacity,
            Pipelines = read.OfType<PipelineConfiguration>().ToArray(),
            Orchestrators = orchestrators,
        });
    }

    private static CapacityPool ReadCapacity(SectionReader capacity)
    {
        if (!capacity.Section.Exists())
        {
            capacity.Fail(null, $"is required: set {AgentKeys.Capacity}.{CapacityKeys.PodSlots} to the most pods that may run at once");
        }

        capacity.RejectUnknown(CapacityKeys.All);
        var cpu = capacity.Number(CapacityKeys.Cpu, null, exclusiveMin: 0);
        return new CapacityPool
        {
            PodSlots = capacity.WholeNumber(CapacityKeys.PodSlots, 0, min: 1),
            Cpu = cpu,
            MemoryBytes = capacity.Bytes(CapacityKeys.Memory),
        };
    }

    private PipelineConfiguration? ReadPipeline(
        string name, SectionReader pipeline, Dictionary<string, OrchestratorSelection> selections, List<(PodTemplate Pod, string? Kind)> pods)
    {
        pipeline.RejectUnknown(PipelineKeys.All);
        var remainder = pipeline.Flag(PipelineKeys.Remainder, false);
        var priority = pipeline.WholeNumber(PipelineKeys.Priority, 1, min: 1);
        if (remainder && pipeline.Has(PipelineKeys.Priority))
        {
            pipeline.Fail(PipelineKeys.Priority, "must not be set on a remainder pipeline (it takes only idle capacity)");
        }

        var policy = SlaPolicyReader.Read(pipeline);
        foreach (var error in SlaPolicyOptionsValidator.Validate(policy, pipeline.Path))
        {
            pipeline.Report(error);
        }

        var forecast = ForecastSettingsReader.Read(pipeline);
        var source = ReadSource(pipeline.Child(PipelineKeys.Source));
        if (source?.PerPodThroughput is { } sourceRate)
        {
            // The source's settings fix what one pod handles (a request rate per pod): it is the policy's throughput.
            if (pipeline.Has(SlaPolicyKeys.PerPodThroughput))
            {
                pipeline.Fail(SlaPolicyKeys.PerPodThroughput, $"must not be set with source kind '{source.Kind}': its own per-pod rate is the throughput");
            }

            policy = policy with { PerPodThroughputPrior = sourceRate };
        }

        var orchestrator = _orchestrators.ReadSelection(pipeline);
        if (orchestrator is not null)
        {
            selections[name] = orchestrator;
        }

        var pod = ReadPod(name, pipeline, orchestrator, pods);
        if (pod is null)
        {
            return null;
        }

        return source is null || orchestrator?.Settings is null ? null : new PipelineConfiguration
        {
            Name = name,
            Priority = priority,
            IsRemainder = remainder,
            ConsumersPerPod = pipeline.WholeNumber(PipelineKeys.ConsumersPerPod, 1, min: 1),
            Policy = policy,
            Forecast = forecast,
            Source = source,
            OrchestratorKind = orchestrator.Kind,
            OrchestratorSettings = orchestrator.Settings,
            Pod = pod,
        };
    }

    private static PodTemplate? ReadPod(
        string name, SectionReader pipeline, OrchestratorSelection? orchestrator, List<(PodTemplate Pod, string? Kind)> pods)
    {
        if (orchestrator?.PodDefinedBy is { } definedBy)
        {
            // The engine owns the pod (a workload's pod template, a task group): a pod section here would be ignored.
            if (pipeline.Has(PipelineKeys.Pod))
            {
                pipeline.Fail(PipelineKeys.Pod, $"must not be set for orchestrator kind '{orchestrator.Kind}': {definedBy}");
                return null;
            }

            return PodTemplate.DefinedByEngine(name);
        }

        if (!pipeline.Has(PipelineKeys.Pod))
        {
            pipeline.Fail(PipelineKeys.Pod, "is required: describe the pod's containers");
            return null;
        }

        var pod = PodTemplateReader.Read(name, pipeline.Child(PipelineKeys.Pod));
        pods.Add((pod, orchestrator?.Kind)); // validated by the orchestrator once it is created; messages name their full path
        return pod;
    }

    private ILagSource? ReadSource(SectionReader source)
    {
        if (!source.Section.Exists())
        {
            source.Fail(null, "is required: where the backlog is measured (kind and its settings)");
            return null;
        }

        var kind = source.Text(SourceKeys.Kind, required: true);
        if (kind is null)
        {
            return null;
        }

        if (!_sources.TryGetValue(kind, out var provider))
        {
            source.Fail(SourceKeys.Kind, $"unknown kind '{kind}' (known: {string.Join(", ", _sources.Keys.Order(StringComparer.Ordinal))})");
            return null;
        }

        source.RejectUnknown(provider.Keys);
        return provider.Read(source);
    }

    private static IConfigurationSection AsSection(IConfiguration configuration) =>
        configuration as IConfigurationSection ?? new RootSection(configuration);
}
