using Force12.Queues.Core.Capacity;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;
using Microsoft.Extensions.Configuration;

namespace Force12.Queues.Core.Configuration;

/// <summary>
/// Turns configuration (YAML, JSON, environment variables) into an <see cref="AgentConfiguration"/>,
/// reporting every problem at once, each naming the pipeline and the field. Source settings are read
/// by the <see cref="ILagSourceProvider"/> of their kind and pod templates are checked by the
/// orchestrator of their kind. Starts nothing.
/// </summary>
public sealed class AgentConfigurationReader
{
    private readonly Dictionary<string, ILagSourceProvider> _sources;
    private readonly Dictionary<string, IPodOrchestrator> _orchestrators;

    /// <summary>Creates a reader that knows the given source and orchestrator kinds.</summary>
    public AgentConfigurationReader(IEnumerable<ILagSourceProvider> sources, IEnumerable<IPodOrchestrator> orchestrators)
    {
        _sources = sources.ToDictionary(s => s.Kind, StringComparer.Ordinal);
        _orchestrators = orchestrators.ToDictionary(o => o.Kind, StringComparer.Ordinal);
    }

    /// <summary>Reads <paramref name="configuration"/>; the result holds either the configuration or every error.</summary>
    public ConfigurationResult Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var root = new SectionReader(AsSection(configuration), "", errors);
        root.RejectUnknown("pollInterval", "collectTimeout", "http", "metrics", "capacity", "pipelines");
        root.Child("http").RejectUnknown("address");
        root.Child("metrics").RejectUnknown("perPartition");
        var perPartition = root.Child("metrics").Flag("perPartition", false);
        var pollInterval = root.Duration("pollInterval", AgentConfiguration.DefaultPollInterval, positive: true);
        var collectTimeout = root.Duration("collectTimeout", pollInterval, positive: true);
        var httpAddress = root.Child("http").Text("address", fallback: AgentConfiguration.DefaultHttpAddress)!;
        if (!System.Net.IPEndPoint.TryParse(httpAddress, out var endpoint) || endpoint.Port == 0)
        {
            root.Child("http").Fail("address", $"'{httpAddress}' is not an IP address with a port, for example 127.0.0.1:8412");
        }

        var capacity = ReadCapacity(root.Child("capacity"));
        var pipelines = root.Section.GetSection("pipelines").GetChildren().ToArray();
        if (pipelines.Length == 0)
        {
            root.Fail("pipelines", "is required: configure at least one pipeline");
        }

        var read = pipelines.Select(p => ReadPipeline(p.Key, root.Child("pipelines").Child(p.Key))).ToArray();
        if (errors.Count == 0 && read.Any(p => p is null))
        {
            // A provider that rejects its settings must say why; never start with a pipeline missing.
            root.Fail("pipelines", "a pipeline could not be read, and its source provider gave no reason");
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
            Capacity = capacity,
            Pipelines = read.OfType<PipelineConfiguration>().ToArray(),
        });
    }

    private static CapacityPool ReadCapacity(SectionReader capacity)
    {
        if (!capacity.Section.Exists())
        {
            capacity.Fail(null, "is required: set capacity.podSlots to the most pods that may run at once");
        }

        capacity.RejectUnknown("podSlots", "cpu", "memory");
        var cpu = capacity.Number("cpu", null, exclusiveMin: 0);
        return new CapacityPool
        {
            PodSlots = capacity.WholeNumber("podSlots", 0, min: 1),
            Cpu = cpu,
            MemoryBytes = capacity.Bytes("memory"),
        };
    }

    private PipelineConfiguration? ReadPipeline(string name, SectionReader pipeline)
    {
        pipeline.RejectUnknown("priority", "remainder", "consumersPerPod", "sla", "minPods", "maxPods", "perPodThroughput",
            "activationBacklog", "maxScaleUpStep", "scaleDownStabilisation", "fallbackAfterFailedPolls", "fallbackPods",
            "source", "orchestrator", "pod");
        var remainder = pipeline.Flag("remainder", false);
        var priority = pipeline.WholeNumber("priority", 1, min: 1);
        if (remainder && pipeline.Has("priority"))
        {
            pipeline.Fail("priority", "must not be set on a remainder pipeline (it takes only idle capacity)");
        }

        var policy = ReadPolicy(pipeline);
        foreach (var error in SlaPolicyOptionsValidator.Validate(policy, pipeline.Path))
        {
            pipeline.Fail(null, error.StartsWith(pipeline.Path, StringComparison.Ordinal) ? error[(pipeline.Path.Length + 1)..] : error);
        }

        var source = ReadSource(pipeline.Child("source"));
        var orchestratorKind = pipeline.Text("orchestrator", required: true);
        IPodOrchestrator? orchestrator = null;
        if (orchestratorKind is not null && !_orchestrators.TryGetValue(orchestratorKind, out orchestrator))
        {
            pipeline.Fail("orchestrator", $"unknown kind '{orchestratorKind}' (known: {string.Join(", ", _orchestrators.Keys.Order(StringComparer.Ordinal))})");
        }

        if (!pipeline.Has("pod"))
        {
            pipeline.Fail("pod", "is required: describe the pod's containers");
            return null;
        }

        var pod = PodTemplateReader.Read(name, pipeline.Child("pod"));
        // Without a known orchestrator the shared template rules still apply.
        foreach (var error in orchestrator?.Validate(pod) ?? PodTemplateValidator.Validate(pod))
        {
            pipeline.Child("pod").Fail(null, error);
        }

        return source is null || orchestratorKind is null ? null : new PipelineConfiguration
        {
            Name = name,
            Priority = priority,
            IsRemainder = remainder,
            ConsumersPerPod = pipeline.WholeNumber("consumersPerPod", 1, min: 1),
            Policy = policy,
            Source = source,
            OrchestratorKind = orchestratorKind,
            Pod = pod,
        };
    }

    private static SlaPolicyOptions ReadPolicy(SectionReader p)
    {
        var defaults = new SlaPolicyOptions();
        if (!p.Has("sla"))
        {
            p.Fail("sla", "is required: the longest acceptable time from arrival to processing, for example 10s");
        }

        return new SlaPolicyOptions
        {
            Sla = p.Duration("sla", defaults.Sla),
            MinPods = p.WholeNumber("minPods", defaults.MinPods),
            MaxPods = p.WholeNumber("maxPods", defaults.MaxPods),
            PerPodThroughputPrior = p.Number("perPodThroughput", defaults.PerPodThroughputPrior) ?? defaults.PerPodThroughputPrior,
            ActivationBacklogThreshold = p.LargeWholeNumber("activationBacklog", defaults.ActivationBacklogThreshold),
            MaxScaleUpStep = p.OptionalWholeNumber("maxScaleUpStep"),
            ScaleDownStabilisation = p.Duration("scaleDownStabilisation", defaults.ScaleDownStabilisation),
            FallbackAfterFailedPolls = p.WholeNumber("fallbackAfterFailedPolls", defaults.FallbackAfterFailedPolls),
            FallbackPods = p.WholeNumber("fallbackPods", defaults.FallbackPods),
        };
    }

    private ILagSource? ReadSource(SectionReader source)
    {
        if (!source.Section.Exists())
        {
            source.Fail(null, "is required: where the backlog is measured (kind and its settings)");
            return null;
        }

        var kind = source.Text("kind", required: true);
        if (kind is null)
        {
            return null;
        }

        if (!_sources.TryGetValue(kind, out var provider))
        {
            source.Fail("kind", $"unknown kind '{kind}' (known: {string.Join(", ", _sources.Keys.Order(StringComparer.Ordinal))})");
            return null;
        }

        return provider.Read(source);
    }

    private static IConfigurationSection AsSection(IConfiguration configuration) =>
        configuration as IConfigurationSection ?? new RootSection(configuration);

    /// <summary>Lets the root of a configuration be read like any section.</summary>
    private sealed class RootSection(IConfiguration root) : IConfigurationSection
    {
        public string Key => "";

        public string Path => "";

        public string? Value { get => null; set => throw new NotSupportedException(); }

        public string? this[string key] { get => root[key]; set => root[key] = value; }

        public IEnumerable<IConfigurationSection> GetChildren() => root.GetChildren();

        public Microsoft.Extensions.Primitives.IChangeToken GetReloadToken() => root.GetReloadToken();

        public IConfigurationSection GetSection(string key) => root.GetSection(key);
    }
}
