using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Nomad;

/// <summary>
/// Plugs the <c>nomad</c> orchestrator into configuration: reads <c>orchestrators.nomad</c> (<c>address</c>,
/// <c>token</c> or <c>tokenFile</c>, <c>namespace</c>, <c>region</c>, <c>requestTimeout</c>; each absent key keeps the
/// default given in code) and each pipeline's <c>job</c> and <c>group</c>, validates them once and creates a
/// <see cref="NomadPodOrchestrator"/>. Connects to nothing; a <c>tokenFile</c> is read here. The HTTP clients it
/// created are disposed with the provider.
/// </summary>
public sealed class NomadOrchestratorProvider : IPodOrchestratorProvider, IDisposable
{
    /// <summary>Where the pod is defined, completing "pod: must not be set for this kind: ...".</summary>
    public const string PodDefinition = "the pod is the Nomad job's task group (set orchestrator.job and orchestrator.group)";

    private readonly NomadOrchestratorOptions _defaults;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly List<HttpClient> _clients = [];

    /// <summary>Creates the provider; <paramref name="defaults"/> holds the value of every key the section leaves out.</summary>
    public NomadOrchestratorProvider(NomadOrchestratorOptions defaults, TimeProvider time, ILoggerFactory loggers)
    {
        _defaults = defaults ?? throw new ArgumentNullException(nameof(defaults));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
    }

    /// <inheritdoc />
    public string Kind => NomadPodOrchestrator.KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> Keys => NomadOrchestratorKeys.All;

    /// <inheritdoc />
    public IReadOnlyList<string> PipelineKeys => NomadOrchestratorKeys.Pipeline;

    /// <inheritdoc />
    public string? PodDefinedBy => PodDefinition;

    /// <inheritdoc />
    public OrchestratorPipelineSettings? ReadPipeline(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Both are required: Nomad's scale call needs Target.Group, and guessing a group from the job would scale
        // the wrong one as soon as the job gains a second group.
        var job = settings.Text(NomadOrchestratorKeys.Job, required: true);
        var group = settings.Text(NomadOrchestratorKeys.Group, required: true);
        return job is null || group is null ? null : new NomadPipelineSettings(job, group);
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

        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan, // each request has its own limit (requestTimeout)
        };
        lock (_clients)
        {
            _clients.Add(http);
        }

        var targets = pipelines
            .Where(p => p.Value is NomadPipelineSettings)
            .ToDictionary(p => p.Key, p => (NomadPipelineSettings)p.Value, StringComparer.Ordinal);
        return new NomadPodOrchestrator(new NomadApiClient(http, options), options, targets, _time, _loggers.CreateLogger<NomadPodOrchestrator>());
    }

    /// <summary>Reads and validates the section into options; null (with every problem recorded) when it has errors.</summary>
    public NomadOrchestratorOptions? Read(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errorsBefore = settings.ErrorCount;
        var address = _defaults.Address;
        var text = settings.Text(NomadOrchestratorKeys.Address);
        if (text is not null && !(Uri.TryCreate(text, UriKind.Absolute, out address!) && address.Scheme is "http" or "https"))
        {
            settings.Fail(NomadOrchestratorKeys.Address, $"'{text}' is not an http:// or https:// URI (for example http://127.0.0.1:4646)");
            address = _defaults.Address;
        }

        var options = _defaults with
        {
            Address = address,
            Token = ReadToken(settings),
            Namespace = settings.Text(NomadOrchestratorKeys.Namespace) ?? _defaults.Namespace,
            Region = settings.Text(NomadOrchestratorKeys.Region) ?? _defaults.Region,
            RequestTimeout = settings.Duration(NomadOrchestratorKeys.RequestTimeout, _defaults.RequestTimeout, positive: true),
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

    private string? ReadToken(SectionReader settings)
    {
        var token = settings.Text(NomadOrchestratorKeys.Token);
        var file = settings.Text(NomadOrchestratorKeys.TokenFile);
        if (file is null)
        {
            return token ?? _defaults.Token;
        }

        if (token is not null)
        {
            settings.Fail(NomadOrchestratorKeys.TokenFile, $"must not be set together with {NomadOrchestratorKeys.Token}");
            return null;
        }

        try
        {
            // An empty file means no token (anonymous access), as an unset NOMAD_TOKEN does for the CLI.
            var read = File.ReadAllText(file).Trim();
            return read.Length == 0 ? null : read;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            settings.Fail(NomadOrchestratorKeys.TokenFile, $"'{file}' cannot be read: {e.Message}");
            return null;
        }
    }
}
