using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using k8s;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Kubernetes;

/// <summary>
/// Plugs the <c>kubernetes</c> orchestrator into configuration: reads each pipeline's <c>orchestrator.target</c> and the
/// agent-wide <c>orchestrators.kubernetes</c> (<c>kubeconfig</c>, <c>context</c>, <c>namespace</c>), and creates a
/// <see cref="KubernetesPodOrchestrator"/>. The pod is the workload's own pod template, so the reader rejects a
/// pipeline's <c>pod</c> section. Reads no kubeconfig and connects to nothing until the first API call.
/// </summary>
public sealed class KubernetesOrchestratorProvider : IPodOrchestratorProvider, IDisposable
{
    /// <summary>Where a <c>kubernetes</c> pipeline's pod is defined (see <see cref="IPodOrchestratorProvider.PodDefinedBy"/>).</summary>
    public const string PodDefinition = "the pod is the workload's own pod template (orchestrator.target names the Deployment or StatefulSet)";

    private readonly KubernetesOrchestratorOptions _defaults;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly PodMetrics? _metrics;
    private readonly List<IKubernetes> _clients = [];

    /// <summary>
    /// Creates the provider; <paramref name="defaults"/> holds the value of every key the section leaves out; pod start
    /// latency goes to <paramref name="metrics"/>, if given.
    /// </summary>
    public KubernetesOrchestratorProvider(KubernetesOrchestratorOptions defaults, TimeProvider time, ILoggerFactory loggers, PodMetrics? metrics = null)
    {
        _defaults = defaults ?? throw new ArgumentNullException(nameof(defaults));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
        _metrics = metrics;
    }

    /// <inheritdoc />
    public string Kind => KubernetesPodOrchestrator.KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> Keys => KubernetesOrchestratorKeys.All;

    /// <inheritdoc />
    public IReadOnlyList<string> PipelineKeys => KubernetesOrchestratorKeys.Pipeline;

    /// <inheritdoc />
    public string? PodDefinedBy => PodDefinition;

    /// <inheritdoc />
    public OrchestratorPipelineSettings? ReadPipeline(SectionReader settings) => KubernetesPipelineSettingsReader.Read(settings);

    /// <inheritdoc />
    public IPodOrchestrator? Create(SectionReader settings, IReadOnlyDictionary<string, OrchestratorPipelineSettings> pipelines)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        var options = Read(settings);
        if (options is null)
        {
            return null;
        }

        var targets = pipelines
            .Where(p => p.Value is KubernetesPipelineSettings)
            .ToDictionary(p => p.Key, p => ((KubernetesPipelineSettings)p.Value).ToTarget(options.Namespace), StringComparer.Ordinal);
        return new KubernetesPodOrchestrator(targets, () => CreateClient(options), _time, _loggers.CreateLogger<KubernetesPodOrchestrator>(), _metrics);
    }

    /// <summary>Reads and validates the section into options; null (with every problem recorded) when it has errors.</summary>
    public KubernetesOrchestratorOptions? Read(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errorsBefore = settings.ErrorCount;
        var ns = settings.Text(KubernetesOrchestratorKeys.Namespace) ?? _defaults.Namespace;
        if (!KubernetesPipelineSettingsReader.IsNamespace(ns))
        {
            settings.Fail(KubernetesOrchestratorKeys.Namespace, $"'{ns}' is not a Kubernetes namespace (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)");
        }

        var options = _defaults with
        {
            Kubeconfig = settings.Text(KubernetesOrchestratorKeys.Kubeconfig) ?? _defaults.Kubeconfig,
            Context = settings.Text(KubernetesOrchestratorKeys.Context) ?? _defaults.Context,
            Namespace = ns,
        };
        return settings.ErrorCount == errorsBefore ? options : null;
    }

    /// <summary>Disposes the clients this provider's orchestrators created.</summary>
    public void Dispose()
    {
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            _clients.Clear();
        }
    }

    private k8s.Kubernetes CreateClient(KubernetesOrchestratorOptions options)
    {
        var client = new k8s.Kubernetes(KubernetesClientConfigurations.Build(options));
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }
}
