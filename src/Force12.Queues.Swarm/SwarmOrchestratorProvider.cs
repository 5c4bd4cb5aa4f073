using Docker.DotNet;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Swarm;

/// <summary>
/// Plugs the <c>swarm</c> orchestrator into configuration: reads each pipeline's <c>orchestrator.service</c> (required)
/// and <c>orchestrators.swarm</c> (<c>endpoint</c>, <c>convergenceTimeout</c>; each absent key keeps the default given in
/// code), validates them once and creates a <see cref="SwarmPodOrchestrator"/> with a client for the endpoint. The engine
/// defines the pod (<see cref="PodDefinedBy"/>), so the reader rejects a pipeline's <c>pod</c> section. Creating the
/// client connects to nothing. The clients it created are disposed with the provider.
/// </summary>
public sealed class SwarmOrchestratorProvider : IPodOrchestratorProvider, IDisposable
{
    private readonly SwarmOrchestratorOptions _defaults;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly List<IDockerClient> _clients = [];

    /// <summary>Creates the provider; <paramref name="defaults"/> holds the value of every key the section leaves out.</summary>
    public SwarmOrchestratorProvider(SwarmOrchestratorOptions defaults, TimeProvider time, ILoggerFactory loggers)
    {
        _defaults = defaults ?? throw new ArgumentNullException(nameof(defaults));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
    }

    /// <inheritdoc />
    public string Kind => SwarmPodOrchestrator.KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> Keys => SwarmOrchestratorKeys.All;

    /// <inheritdoc />
    public IReadOnlyList<string> PipelineKeys => SwarmOrchestratorKeys.Pipeline;

    /// <inheritdoc />
    public string? PodDefinedBy => SwarmPodOrchestrator.PodDefinedBy;

    /// <inheritdoc />
    public OrchestratorPipelineSettings? ReadPipeline(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var service = settings.Text(SwarmOrchestratorKeys.Service);
        if (service is null)
        {
            settings.Fail(SwarmOrchestratorKeys.Service,
                "is required: the name of the replicated Swarm service this pipeline scales (orchestrator: { kind: swarm, service: NAME })");
            return null;
        }

        if (SwarmOrchestratorOptionsValidator.ValidateService(service) is { } problem)
        {
            settings.Fail(problem);
            return null;
        }

        return new SwarmPipelineSettings(service);
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

        var client = new DockerClientConfiguration(options.Endpoint).CreateClient();
        lock (_clients)
        {
            _clients.Add(client);
        }

        var services = pipelines
            .Where(p => p.Value is SwarmPipelineSettings)
            .ToDictionary(p => p.Key, p => ((SwarmPipelineSettings)p.Value).Service, StringComparer.Ordinal);
        return new SwarmPodOrchestrator(client, services, options, _time, _loggers.CreateLogger<SwarmPodOrchestrator>());
    }

    /// <summary>Reads and validates the section into options; null (with every problem recorded) when it has errors.</summary>
    public SwarmOrchestratorOptions? Read(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errorsBefore = settings.ErrorCount;
        var endpoint = _defaults.Endpoint;
        var text = settings.Text(SwarmOrchestratorKeys.Endpoint);
        if (text is not null && !Uri.TryCreate(text, UriKind.Absolute, out endpoint!))
        {
            settings.Fail(SwarmOrchestratorKeys.Endpoint, $"'{text}' is not an absolute URI (for example unix:///var/run/docker.sock or tcp://127.0.0.1:2375)");
            endpoint = _defaults.Endpoint;
        }

        var options = _defaults with
        {
            Endpoint = endpoint,
            ConvergenceTimeout = settings.Duration(SwarmOrchestratorKeys.ConvergenceTimeout, _defaults.ConvergenceTimeout),
        };
        foreach (var problem in SwarmOrchestratorOptionsValidator.Validate(options))
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
