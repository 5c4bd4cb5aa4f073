using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Processes;

/// <summary>
/// Plugs the <c>process</c> orchestrator into configuration: reads <c>orchestrators.process</c> (<c>stateDirectory</c>,
/// <c>maxParallelPodStarts</c>, <c>stopPollInterval</c>; each absent key keeps the default given in code), validates it
/// once and creates a <see cref="ProcessPodOrchestrator"/> on that state folder. Starts no process.
/// </summary>
public sealed class ProcessOrchestratorProvider : IPodOrchestratorProvider
{
    private readonly ProcessOrchestratorOptions _defaults;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly PodMetrics? _metrics;

    /// <summary>Creates the provider; <paramref name="defaults"/> holds the value of every key the section leaves out.</summary>
    public ProcessOrchestratorProvider(ProcessOrchestratorOptions defaults, TimeProvider time, ILoggerFactory loggers, PodMetrics? metrics = null)
    {
        _defaults = defaults ?? throw new ArgumentNullException(nameof(defaults));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
        _metrics = metrics;
    }

    /// <inheritdoc />
    public string Kind => ProcessPodOrchestrator.KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> Keys => ProcessOrchestratorKeys.All;

    /// <inheritdoc />
    public IReadOnlyList<string> PipelineKeys => ProcessOrchestratorKeys.Pipeline;

    /// <inheritdoc />
    public OrchestratorPipelineSettings? ReadPipeline(SectionReader settings) => OrchestratorPipelineSettings.None;

    /// <inheritdoc />
    public IPodOrchestrator? Create(SectionReader settings, IReadOnlyDictionary<string, OrchestratorPipelineSettings> pipelines) =>
        Read(settings) is { } options
            ? new ProcessPodOrchestrator(options, _time, _loggers.CreateLogger<ProcessPodOrchestrator>(), _metrics)
            : null;

    /// <summary>Reads and validates the section into options; null (with every problem recorded) when it has errors.</summary>
    public ProcessOrchestratorOptions? Read(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errorsBefore = settings.ErrorCount;
        var options = _defaults with
        {
            StateDirectory = settings.Text(ProcessOrchestratorKeys.StateDirectory) ?? _defaults.StateDirectory,
            MaxParallelPodStarts = settings.WholeNumber(ProcessOrchestratorKeys.MaxParallelPodStarts, _defaults.MaxParallelPodStarts),
            StopPollInterval = settings.Duration(ProcessOrchestratorKeys.StopPollInterval, _defaults.StopPollInterval),
        };
        foreach (var problem in ProcessOrchestratorOptionsValidator.Validate(options))
        {
            settings.Fail(problem);
        }

        return settings.ErrorCount == errorsBefore ? options : null;
    }
}
