using Docker.DotNet;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Docker;

/// <summary>
/// Plugs the <c>docker</c> orchestrator into configuration: reads <c>orchestrators.docker</c> (<c>endpoint</c>,
/// <c>maxParallelPodStarts</c>, <c>useInit</c>, <c>containerNamePrefix</c>; each absent key keeps the default given in
/// code), validates it once and creates a <see cref="DockerPodOrchestrator"/> with a client for the endpoint. Creating
/// the client connects to nothing. The clients it created are disposed with the provider.
/// </summary>
public sealed class DockerOrchestratorProvider : IPodOrchestratorProvider, IDisposable
{
    private readonly DockerOrchestratorOptions _defaults;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly PodMetrics? _metrics;
    private readonly List<IDockerClient> _clients = [];

    /// <summary>Creates the provider; <paramref name="defaults"/> holds the value of every key the section leaves out.</summary>
    public DockerOrchestratorProvider(DockerOrchestratorOptions defaults, TimeProvider time, ILoggerFactory loggers, PodMetrics? metrics = null)
    {
        _defaults = defaults ?? throw new ArgumentNullException(nameof(defaults));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
        _metrics = metrics;
    }

    /// <inheritdoc />
    public string Kind => DockerPodOrchestrator.KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> Keys => DockerOrchestratorKeys.All;

    /// <inheritdoc />
    public IReadOnlyList<string> PipelineKeys => DockerOrchestratorKeys.Pipeline;

    /// <inheritdoc />
    public OrchestratorPipelineSettings? ReadPipeline(SectionReader settings) => OrchestratorPipelineSettings.None;

    /// <inheritdoc />
    public IPodOrchestrator? Create(SectionReader settings, IReadOnlyDictionary<string, OrchestratorPipelineSettings> pipelines)
    {
        var options = Read(settings);
        if (options is null)
        {
            return null;
        }

        var client = new DockerClientConfiguration(options.Endpoint).CreateClient();
        lock (_clients)
        {
            _clients.Add(client);
        }

        return new DockerPodOrchestrator(client, options, _time, _loggers.CreateLogger<DockerPodOrchestrator>(), _metrics);
    }

    /// <summary>Reads and validates the section into options; null (with every problem recorded) when it has errors.</summary>
    public DockerOrchestratorOptions? Read(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errorsBefore = settings.ErrorCount;
        var endpoint = _defaults.Endpoint;
        var text = settings.Text(DockerOrchestratorKeys.Endpoint);
        var endpointParsed = text is null || Uri.TryCreate(text, UriKind.Absolute, out endpoint!);
        if (!endpointParsed)
        {
            settings.Fail(DockerOrchestratorKeys.Endpoint, $"'{text}' is not an absolute URI (for example unix:///var/run/docker.sock or tcp://127.0.0.1:2375)");
            endpoint = _defaults.Endpoint;
        }

        var options = _defaults with
        {
            Endpoint = endpoint,
            MaxParallelPodStarts = settings.WholeNumber(DockerOrchestratorKeys.MaxParallelPodStarts, _defaults.MaxParallelPodStarts),
            UseInit = settings.Flag(DockerOrchestratorKeys.UseInit, _defaults.UseInit),
            ContainerNamePrefix = settings.Text(DockerOrchestratorKeys.ContainerNamePrefix) ?? _defaults.ContainerNamePrefix,
        };
        foreach (var problem in DockerOrchestratorOptionsValidator.Validate(options))
        {
            settings.Fail(problem);
        }

        return settings.ErrorCount == errorsBefore ? options : null;
    }

    /// <summary>Disposes the Docker clients this provider created.</summary>
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
}
