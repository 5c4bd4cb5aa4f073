using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Processes;

/// <summary>
/// Runs pods as groups of local processes (kind <c>process</c>), one process per container of the template: its
/// <see cref="ContainerTemplate.Command"/> (required: a path or a name on PATH) with <see cref="ContainerTemplate.Args"/>
/// and the environment of the agent plus <see cref="ContainerTemplate.Environment"/> and <c>FORCE12_PIPELINE</c>,
/// <c>FORCE12_POD</c>, <c>FORCE12_CONTAINER</c>. <see cref="ContainerTemplate.Image"/>, mounts, CPU and memory limits
/// are not used (processes share the host's file system, network and resources). Output goes to
/// <c>&lt;pod folder&gt;/&lt;container&gt;.log</c>; the default working directory is <c>&lt;pod folder&gt;/&lt;container&gt;</c>.
/// Pods are recorded in <see cref="ProcessOrchestratorOptions.StateDirectory"/> with each process's pid and start time,
/// so a new orchestrator adopts live pods, treats pods with a dead (or pid-reused) process as broken, and never signals
/// a process it did not start. Linux only (reads <c>/proc</c>). It is the embedded default for <c>force12 demo</c>.
/// </summary>
public sealed class ProcessPodOrchestrator : PodOrchestratorBase
{
    private readonly ProcessOrchestratorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ProcessPodStore _store;
    private readonly ProcessPodLauncher _launcher;

    /// <summary>Creates the orchestrator on the state folder of <paramref name="options"/>; <paramref name="metrics"/> is optional.</summary>
    public ProcessPodOrchestrator(
        ProcessOrchestratorOptions options, TimeProvider timeProvider, ILogger<ProcessPodOrchestrator> logger, PodMetrics? metrics = null)
        : base(logger, metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.StateDirectory, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxParallelPodStarts, 1, nameof(options));
        _options = options;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _store = new ProcessPodStore(options.StateDirectory);
        _launcher = new ProcessPodLauncher(_store, timeProvider);
    }

    /// <summary>The kind configuration selects this orchestrator by: <c>process</c>.</summary>
    public const string KindName = "process";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The settings it runs with.</summary>
    internal ProcessOrchestratorOptions Options => _options;

    /// <inheritdoc />
    protected override int MaxParallelPodStarts => _options.MaxParallelPodStarts;

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate(PodTemplate podTemplate)
    {
        var errors = base.Validate(podTemplate).ToList();
        if (podTemplate.NetworkMode == PodNetworkMode.Network)
        {
            errors.Add($"{PodTemplateValidator.PathOf(podTemplate)}.{PodKeys.Network}: a named network is not supported by the process orchestrator (processes use the host's network); use pod or host");
        }

        if (podTemplate.StandbyPods > 0)
        {
            errors.Add($"{PodTemplateValidator.PathOf(podTemplate)}.{PodKeys.Standby}: standby pods are not supported by the process orchestrator (a process pod starts in milliseconds); use 0 (was {podTemplate.StandbyPods})");
        }

        var containers = podTemplate.Containers ?? [];
        for (var i = 0; i < containers.Count; i++)
        {
            if (containers[i] is not null && string.IsNullOrWhiteSpace(containers[i].Command))
            {
                errors.Add($"{PodTemplateValidator.ContainerPath(podTemplate, i)}.{ContainerKeys.Command}: is required by the process orchestrator (the executable to run)");
            }
        }

        return errors;
    }

    /// <inheritdoc />
    protected override Task<IReadOnlyList<PodInfo>> ListPodsCoreAsync(string pipeline, CancellationToken cancellationToken)
    {
        IReadOnlyList<PodInfo> pods = _store.ReadAll(pipeline)
            .Select(entry => ToPodInfo(pipeline, entry.PodId, entry.Record, _timeProvider.GetUtcNow()))
            .OrderBy(p => p.CreatedAt)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(pods);
    }

    /// <inheritdoc />
    protected override Task<PodInfo> StartPodAsync(PodTemplate podTemplate, CancellationToken cancellationToken) =>
        _launcher.StartAsync(podTemplate, warm: false, cancellationToken);

    /// <inheritdoc />
    protected override bool SupportsWarmPods => true;

    /// <inheritdoc />
    protected override Task<PodInfo> StartWarmPodAsync(PodTemplate podTemplate, CancellationToken cancellationToken) =>
        _launcher.StartAsync(podTemplate, warm: true, cancellationToken);

    /// <inheritdoc />
    protected override Task<PodInfo> PromotePodAsync(PodInfo pod, CancellationToken cancellationToken)
    {
        var record = _store.Read(pod.Pipeline, pod.Id)
            ?? throw new InvalidOperationException($"pod {pod.Id} of pipeline {pod.Pipeline} has no record in {_store.PodDirectory(pod.Pipeline, pod.Id)}");
        var now = _timeProvider.GetUtcNow();
        WarmPodContract.Create(_store.ControlDirectory(pod.Pipeline, pod.Id), WarmPodContract.ConsumeFile,
            now.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return Task.FromResult(ToPodInfo(pod.Pipeline, pod.Id, record, now));
    }

    /// <inheritdoc />
    protected override async Task<bool> StopPodAsync(PodInfo pod, CancellationToken cancellationToken)
    {
        var record = _store.Read(pod.Pipeline, pod.Id);
        if (record is not null && pod.State == PodState.Exited)
        {
            // The pod folder, logs included, goes with the pod: keep why it broke in the agent's log.
            foreach (var dead in record.Containers.Where(c => !c.IsAlive))
            {
                var output = LogTail.Read(Path.Combine(_store.PodDirectory(pod.Pipeline, pod.Id), dead.Name + ".log"), maxLines: 20);
                ProcessLog.ContainerDied(Logger, pod.Id, pod.Pipeline, dead.Name, dead.Pid, output);
            }
        }

        var killed = record is not null && await StopProcessesAsync(record, cancellationToken);
        _store.Delete(pod.Pipeline, pod.Id);
        return killed;
    }

    private PodInfo ToPodInfo(string pipeline, string podId, ProcessPodRecord? record, DateTimeOffset now)
    {
        if (record is null)
        {
            // A folder without a readable record: a start that crashed before writing it. Broken, nothing to signal.
            return new PodInfo { Id = podId, Pipeline = pipeline, State = PodState.Exited, CreatedAt = DateTimeOffset.MinValue };
        }

        var containers = record.Containers
            .Select(c => new PodContainerInfo { Name = c.Name, Id = c.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), Running = c.IsAlive })
            .ToList();
        var complete = record.StartedAt is not null && containers.Count == record.Size && containers.All(c => c.Running);
        var pod = new PodInfo
        {
            Id = record.Id,
            Pipeline = record.Pipeline,
            // Processes have no health check: a complete pod whose processes all run is ready.
            State = complete ? PodState.Ready : PodState.Exited,
            CreatedAt = record.CreatedAt,
            StartedAt = record.StartedAt,
            ReadyAt = complete ? record.StartedAt : null,
            Containers = containers,
        };
        if (!record.StartedWarm || !complete)
        {
            return pod;
        }

        var control = _store.ControlDirectory(pipeline, podId);
        return WarmPodState.Of(pod, WarmPodContract.Appeared(control, WarmPodContract.WarmFile),
            WarmPodContract.Appeared(control, WarmPodContract.ConsumeFile), TimeSpan.FromSeconds(record.WarmTimeoutSeconds), now);
    }

    private async Task<bool> StopProcessesAsync(ProcessPodRecord record, CancellationToken cancellationToken)
    {
        var live = record.Containers.Where(c => c.IsAlive).ToList();
        foreach (var container in live)
        {
            PosixSignals.Send(container.Pid, PosixSignals.SigTerm);
        }

        var deadline = _timeProvider.GetUtcNow() + TimeSpan.FromSeconds(record.StopGraceSeconds);
        while (live.Any(c => c.IsAlive) && _timeProvider.GetUtcNow() < deadline)
        {
            await Task.Delay(_options.StopPollInterval, _timeProvider, cancellationToken);
        }

        var stubborn = live.Where(c => c.IsAlive).ToList();
        await ProcessSignaller.KillAsync(stubborn, _timeProvider, CancellationToken.None);
        _launcher.Forget(record.Containers.Select(c => c.Pid));
        return stubborn.Count > 0;
    }
}
