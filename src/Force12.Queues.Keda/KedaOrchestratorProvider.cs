using System.Net;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Keda;

/// <summary>
/// Plugs the <c>keda</c> orchestrator into configuration: reads <c>orchestrators.keda</c> (<c>grpcAddress</c>; absent
/// keeps the default given in code) and creates a <see cref="KedaPodOrchestrator"/>. Pipelines of this kind have no
/// setting besides the kind and no <c>pod</c> section (the workload's own pod template is the pod).
/// </summary>
public sealed class KedaOrchestratorProvider : IPodOrchestratorProvider
{
    /// <summary>Where the pod is defined, completing "pod: must not be set for this kind: ...".</summary>
    public const string PodDefinition =
        "the pod is the pod template of the workload that KEDA scales (the ScaledObject's scaleTargetRef names it)";

    private readonly KedaOrchestratorOptions _defaults;
    private readonly TimeProvider _time;

    /// <summary>Creates the provider; <paramref name="defaults"/> holds the value of every key the section leaves out.</summary>
    public KedaOrchestratorProvider(KedaOrchestratorOptions defaults, TimeProvider time)
    {
        _defaults = defaults ?? throw new ArgumentNullException(nameof(defaults));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <inheritdoc />
    public string Kind => KedaPodOrchestrator.KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> Keys => KedaOrchestratorKeys.All;

    /// <inheritdoc />
    public IReadOnlyList<string> PipelineKeys => KedaOrchestratorKeys.Pipeline;

    /// <inheritdoc />
    public string? PodDefinedBy => PodDefinition;

    /// <inheritdoc />
    public OrchestratorPipelineSettings? ReadPipeline(SectionReader settings) => KedaPipelineSettings.Instance;

    /// <inheritdoc />
    public IPodOrchestrator? Create(SectionReader settings, IReadOnlyDictionary<string, OrchestratorPipelineSettings> pipelines) =>
        Read(settings) is { } options ? new KedaPodOrchestrator(options, _time) : null;

    /// <summary>Reads and validates the section into options; null (with every problem recorded) when it has errors.</summary>
    public KedaOrchestratorOptions? Read(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Text(KedaOrchestratorKeys.GrpcAddress) is not { } text)
        {
            return _defaults;
        }

        if (!IPEndPoint.TryParse(text, out var address) || !text.Contains(':', StringComparison.Ordinal))
        {
            settings.Fail(KedaOrchestratorKeys.GrpcAddress, $"'{text}' is not an IP address with a port, for example 0.0.0.0:9090");
            return null;
        }

        return _defaults with { GrpcAddress = address };
    }
}
