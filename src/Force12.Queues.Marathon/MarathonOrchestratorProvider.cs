using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Marathon;

/// <summary>
/// Plugs the <c>marathon</c> orchestrator into configuration: reads <c>orchestrators.marathon</c> (<c>url</c>,
/// <c>username</c> and <c>password</c>, <c>requestTimeout</c>; each absent key keeps the default given in code) and each
/// pipeline's <c>app</c>, validates them once and creates a <see cref="MarathonPodOrchestrator"/>. Connects to nothing.
/// The HTTP clients it created are disposed with the provider.
/// </summary>
public sealed class MarathonOrchestratorProvider : IPodOrchestratorProvider, IDisposable
{
    /// <summary>Where the pod is defined, completing "pod: must not be set for this kind: ...".</summary>
    public const string PodDefinition = "the pod is one instance (task) of the Marathon app (set orchestrator.app)";

    private readonly MarathonOrchestratorOptions _defaults;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly List<HttpClient> _clients = [];

    /// <summary>Creates the provider; <paramref name="defaults"/> holds the value of every key the section leaves out.</summary>
    public MarathonOrchestratorProvider(MarathonOrchestratorOptions defaults, TimeProvider time, ILoggerFactory loggers)
    {
        _defaults = defaults ?? throw new ArgumentNullException(nameof(defaults));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
    }

    /// <inheritdoc />
    public string Kind => MarathonPodOrchestrator.KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> Keys => MarathonOrchestratorKeys.All;

    /// <inheritdoc />
    public IReadOnlyList<string> PipelineKeys => MarathonOrchestratorKeys.Pipeline;

    /// <inheritdoc />
    public string? PodDefinedBy => PodDefinition;

    /// <inheritdoc />
    public OrchestratorPipelineSettings? ReadPipeline(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var text = settings.Text(MarathonOrchestratorKeys.App, required: true);
        if (text is null)
        {
            return null;
        }

        if (MarathonAppIds.Normalize(text) is not { } app)
        {
            settings.Fail(MarathonOrchestratorKeys.App, $"'{text}' is not a Marathon app id (path segments of a-z, 0-9, '-' and '.', for example /lights/bulbs)");
            return null;
        }

        return new MarathonPipelineSettings(app);
    }

    /// <inheritdoc />
    public IPodOrchestrator? Create(SectionReader settings, IReadOnlyDictionary<string, OrchestratorPipelineSettings> pipelines)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        if (Read(settings) is not { } options)
        {
            return null;
        }

        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan, // each request has its own limit (requestTimeout)
        };
        lock (_clients)
        {
            _clients.Add(http);
        }

        var apps = pipelines
            .Where(p => p.Value is MarathonPipelineSettings)
            .ToDictionary(p => p.Key, p => (MarathonPipelineSettings)p.Value, StringComparer.Ordinal);
        return new MarathonPodOrchestrator(new MarathonApiClient(http, options), options, apps, _time, _loggers.CreateLogger<MarathonPodOrchestrator>());
    }

    /// <summary>Reads and validates the section into options; null (with every problem recorded) when it has errors.</summary>
    public MarathonOrchestratorOptions? Read(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errorsBefore = settings.ErrorCount;
        var url = _defaults.Url;
        var text = settings.Text(MarathonOrchestratorKeys.Url);
        if (text is not null && !(Uri.TryCreate(text, UriKind.Absolute, out url!) && url.Scheme is "http" or "https"))
        {
            settings.Fail(MarathonOrchestratorKeys.Url, $"'{text}' is not an http:// or https:// URI (for example http://127.0.0.1:8080)");
            url = _defaults.Url;
        }

        var username = settings.Text(MarathonOrchestratorKeys.Username) ?? _defaults.Username;
        var password = settings.Text(MarathonOrchestratorKeys.Password) ?? _defaults.Password;
        if ((username is null) != (password is null))
        {
            var missing = username is null ? MarathonOrchestratorKeys.Username : MarathonOrchestratorKeys.Password;
            var given = username is null ? MarathonOrchestratorKeys.Password : MarathonOrchestratorKeys.Username;
            settings.Fail(missing, $"is required with {given} (HTTP basic credentials)");
        }

        var options = _defaults with
        {
            Url = url,
            Username = username,
            Password = password,
            RequestTimeout = settings.Duration(MarathonOrchestratorKeys.RequestTimeout, _defaults.RequestTimeout, positive: true),
        };
        return settings.ErrorCount == errorsBefore ? options : null;
    }

    /// <summary>Disposes the HTTP clients this provider created.</summary>
    public void Dispose()
    {
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
            _clients.Clear();
        }
    }
}
