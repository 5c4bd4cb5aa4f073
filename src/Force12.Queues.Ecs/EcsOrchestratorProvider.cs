using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Ecs;

/// <summary>
/// Plugs the <c>ecs</c> orchestrator into configuration: reads <c>orchestrators.ecs</c> (<c>region</c>, <c>endpoint</c>,
/// <c>autoScalingEndpoint</c>, <c>scaleInProtectionMinutes</c>) and each pipeline's <c>orchestrator: {kind: ecs, cluster,
/// service}</c>, and creates an <see cref="EcsPodOrchestrator"/>. The region falls back to the default given in code,
/// then <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>; credentials come from AWSSDK.Core's default chain on the first call. The orchestrators it
/// created are disposed with the provider.
/// </summary>
public sealed class EcsOrchestratorProvider : IPodOrchestratorProvider, IDisposable
{
    private readonly EcsOrchestratorOptions _defaults;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly Func<string, string?> _environment;
    private readonly List<EcsPodOrchestrator> _created = [];

    /// <summary>Creates the provider; <paramref name="environment"/> (default: the process environment) gives <c>AWS_REGION</c>.</summary>
    public EcsOrchestratorProvider(EcsOrchestratorOptions defaults, TimeProvider time, ILoggerFactory loggers, Func<string, string?>? environment = null)
    {
        _defaults = defaults ?? throw new ArgumentNullException(nameof(defaults));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <inheritdoc />
    public string Kind => EcsPodOrchestrator.KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> Keys => EcsOrchestratorKeys.All;

    /// <inheritdoc />
    public IReadOnlyList<string> PipelineKeys => EcsOrchestratorKeys.Pipeline;

    /// <inheritdoc />
    public string? PodDefinedBy => EcsPodOrchestrator.PodDefinedBy;

    /// <inheritdoc />
    public OrchestratorPipelineSettings? ReadPipeline(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var cluster = settings.Text(EcsOrchestratorKeys.Cluster, required: true);
        var service = settings.Text(EcsOrchestratorKeys.Service, required: true);
        return cluster is null || service is null ? null : new EcsPipelineSettings(cluster, service);
    }

    /// <inheritdoc />
    public IPodOrchestrator? Create(SectionReader settings, IReadOnlyDictionary<string, OrchestratorPipelineSettings> pipelines)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        var options = Read(settings);
        if (options is null)
        {
            return null;
        }

        var targets = pipelines.Where(p => p.Value is EcsPipelineSettings).ToDictionary(p => p.Key, p => (EcsPipelineSettings)p.Value, StringComparer.Ordinal);
        var orchestrator = new EcsPodOrchestrator(options, targets, _time, _loggers.CreateLogger<EcsPodOrchestrator>());
        lock (_created)
        {
            _created.Add(orchestrator);
        }

        return orchestrator;
    }

    /// <summary>Reads and validates the agent-wide section into options; null (with every problem recorded) when it has errors.</summary>
    public EcsOrchestratorOptions? Read(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errorsBefore = settings.ErrorCount;
        // The file, then the default given in code, then the environment.
        var region = settings.Text(EcsOrchestratorKeys.Region) ?? NonEmpty(_defaults.Region)
            ?? NonEmpty(_environment("AWS_REGION")) ?? NonEmpty(_environment("AWS_DEFAULT_REGION")) ?? "";
        var options = _defaults with
        {
            Region = region,
            Endpoint = Url(settings, EcsOrchestratorKeys.Endpoint) ?? _defaults.Endpoint,
            AutoScalingEndpoint = Url(settings, EcsOrchestratorKeys.AutoScalingEndpoint) ?? _defaults.AutoScalingEndpoint,
            ScaleInProtectionMinutes = settings.WholeNumber(EcsOrchestratorKeys.ScaleInProtectionMinutes, _defaults.ScaleInProtectionMinutes),
        };
        foreach (var problem in EcsOrchestratorOptionsValidator.Validate(options))
        {
            settings.Fail(problem);
        }

        return settings.ErrorCount == errorsBefore ? options : null;
    }

    /// <summary>Disposes the orchestrators this provider created.</summary>
    public void Dispose()
    {
        lock (_created)
        {
            _created.ForEach(o => o.Dispose());
            _created.Clear();
        }
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static Uri? Url(SectionReader settings, string key)
    {
        var text = settings.Text(key);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        settings.Fail(key, EcsOrchestratorOptionsValidator.NotHttp(text));
        return null;
    }
}
