using System.Collections.Concurrent;
using Docker.DotNet;
using Docker.DotNet.Models;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Docker;

/// <summary>
/// Runs pods as groups of Docker containers (kind <c>docker</c>). Container 0 of a pod owns the network namespace
/// and the others join it (<c>container:&lt;id&gt;</c>), unless the template asks for host networking.
/// State lives only in the containers' <c>force12.*</c> labels (<see cref="PodLabels"/>), so a new instance adopts
/// running pods; containers without those labels are never touched. With <see cref="PodTemplate.StandbyPods"/> it keeps
/// that many pods created but not started (labelled <see cref="DockerPodLabels.Standby"/>) while the pipeline runs pods,
/// and a scale-up starts those first. With <see cref="PodTemplate.WarmPods"/> it keeps warm pods (docs/pod-contract.md),
/// their control folder reached through the archive endpoints (<see cref="DockerWarmControl"/>). Every container gets the environment variables
/// <c>FORCE12_PIPELINE</c>, <c>FORCE12_POD</c> and <c>FORCE12_CONTAINER</c>.
/// </summary>
public sealed class DockerPodOrchestrator : PodOrchestratorBase
{
    private readonly IDockerClient _client;
    private readonly DockerOrchestratorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly DockerPodLifecycle _lifecycle;
    private readonly DockerStandbyPods _standby;
    private readonly DockerWarmPods _warm;
    private readonly ConcurrentDictionary<string, PodTimes> _times = new(StringComparer.Ordinal);

    // Pipelines whose last listing held standby pods, so that upkeep removes them even if the template no longer wants any.
    private readonly ConcurrentDictionary<string, bool> _standbySeen = new(StringComparer.Ordinal);

    /// <summary>Creates the orchestrator on <paramref name="client"/>, which the caller owns and disposes; <paramref name="metrics"/> is optional.</summary>
    public DockerPodOrchestrator(
        IDockerClient client, DockerOrchestratorOptions options, TimeProvider timeProvider, ILogger<DockerPodOrchestrator> logger, PodMetrics? metrics = null)
        : base(logger, metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxParallelPodStarts, 1, nameof(options));
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _lifecycle = new DockerPodLifecycle(client, timeProvider, options);
        _standby = new DockerStandbyPods(client, _lifecycle, options, timeProvider, logger);
        _warm = new DockerWarmPods(client, timeProvider);
    }

    /// <summary>The kind configuration selects this orchestrator by: <c>docker</c>.</summary>
    public const string KindName = "docker";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The client the orchestrator talks to the daemon with.</summary>
    internal IDockerClient Client => _client;

    /// <summary>The settings it runs with.</summary>
    internal DockerOrchestratorOptions Options => _options;

    /// <inheritdoc />
    protected override int MaxParallelPodStarts => _options.MaxParallelPodStarts;

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate(PodTemplate podTemplate)
    {
        var errors = base.Validate(podTemplate).ToList();
        var containers = podTemplate.Containers ?? [];
        for (var i = 0; i < containers.Count; i++)
        {
            if (containers[i] is not null && string.IsNullOrWhiteSpace(containers[i].Image))
            {
                errors.Add($"{PodTemplateValidator.ContainerPath(podTemplate, i)}.{ContainerKeys.Image}: is required by the docker orchestrator");
            }
        }

        return errors;
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<PodInfo>> ListPodsCoreAsync(string pipeline, CancellationToken cancellationToken)
    {
        var all = DockerPodGrouping.Group(await ListContainersAsync(PodLabels.Pipeline, pipeline, cancellationToken), pipeline);
        _standbySeen[pipeline] = all.Any(p => p.IsStandby);
        var result = new List<PodInfo>(all.Count);
        // Standby pods are not pods yet: never listed, counted or chosen for anything until started.
        foreach (var pod in all.Where(p => !p.IsStandby))
        {
            result.Add(await ToPodInfoAsync(pod, cancellationToken));
        }

        return result.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    protected override Task BeforeStartingPodsAsync(PodTemplate podTemplate, int count, CancellationToken cancellationToken) =>
        _standby.LoadAsync(podTemplate, cancellationToken);

    /// <inheritdoc />
    protected override async Task<PodInfo> StartPodAsync(PodTemplate podTemplate, CancellationToken cancellationToken)
    {
        while (_standby.TryTake(podTemplate.Pipeline, out var standby))
        {
            // The scale request acts now: the pod's start latency counts from here, not from when it was created.
            var promotedAt = _timeProvider.GetUtcNow();
            try
            {
                await _lifecycle.StartCreatedAsync(standby.Id, standby.ContainerIds, cancellationToken);
                var promoted = _lifecycle.Running(podTemplate, standby.Id, promotedAt, standby.ContainerIds);
                _times[promoted.Id] = new PodTimes(promoted.StartedAt, null, promotedAt);
                return promoted;
            }
            catch (PodStartException ex)
            {
                DockerLog.StandbyStartFailed(Logger, podTemplate.Pipeline, standby.Id, ex.Message);
            }
        }

        var pod = await _lifecycle.StartPodAsync(podTemplate, cancellationToken);
        _times[pod.Id] = new PodTimes(pod.StartedAt, null, null);
        return pod;
    }

    /// <inheritdoc />
    protected override bool SupportsWarmPods => true;

    /// <inheritdoc />
    protected override async Task<PodInfo> StartWarmPodAsync(PodTemplate podTemplate, CancellationToken cancellationToken)
    {
        var pod = await _lifecycle.StartWarmPodAsync(podTemplate, _warm.Control, cancellationToken);
        _times[pod.Id] = new PodTimes(pod.StartedAt, null, null);
        return pod;
    }

    /// <inheritdoc />
    protected override Task<PodInfo> PromotePodAsync(PodInfo pod, CancellationToken cancellationToken) => _warm.PromoteAsync(pod, cancellationToken);

    /// <inheritdoc />
    protected override Task<IReadOnlyList<string>> AfterScaleAsync(PodTemplate podTemplate, int running, CancellationToken cancellationToken) =>
        _standby.TopUpAsync(podTemplate, running, _standbySeen.GetValueOrDefault(podTemplate.Pipeline), cancellationToken);

    /// <inheritdoc />
    protected override async Task<bool> StopPodAsync(PodInfo pod, CancellationToken cancellationToken)
    {
        // Re-read the pod by its label: the listing the caller holds may be stale, and it carries the grace period.
        var found = DockerPodGrouping.Group(await ListContainersAsync(PodLabels.Pod, pod.Id, cancellationToken), pod.Pipeline);
        if (pod.State == PodState.Exited)
        {
            // Removing the pod removes its containers' logs: keep why it broke in the agent's log.
            foreach (var dead in found.SelectMany(p => p.Containers).Where(c => c.State != "running"))
            {
                await DockerDeadContainerReporter.ReportAsync(_client, Logger, pod, dead, cancellationToken);
            }
        }

        var killed = false;
        foreach (var dockerPod in found)
        {
            killed |= await _lifecycle.StopPodAsync(dockerPod, cancellationToken);
        }

        _times.TryRemove(pod.Id, out _);
        _warm.Forget(pod.Id);
        return killed;
    }

    private Task<IList<ContainerListResponse>> ListContainersAsync(string label, string value, CancellationToken cancellationToken) =>
        _client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool> { [$"{label}={value}"] = true },
                },
            },
            cancellationToken);

    private async Task<PodInfo> ToPodInfoAsync(DockerPod pod, CancellationToken cancellationToken)
    {
        var state = DockerPodGrouping.StateOf(pod);
        var times = _times.GetValueOrDefault(pod.Id);
        if (times is null && pod.AllRunning)
        {
            // Adopted pod: take the start time from the engine once.
            try
            {
                var inspected = await Task.WhenAll(pod.Containers.Select(c => _client.Containers.InspectContainerAsync(c.ID, cancellationToken)));
                var started = inspected.Select(s => DockerTimestamps.Parse(s.State.StartedAt)).ToList();
                // A started standby pod's creation label is when it was put on standby; its start began with container 0.
                times = _times.GetOrAdd(pod.Id, new PodTimes(started.Max(), null, pod.WasStandby ? started.Min() : null));
            }
            catch (DockerContainerNotFoundException)
            {
                // Removed since the listing (by someone else); the next listing shows the pod as broken or gone.
            }
        }

        if (state == PodState.Ready && times is { ReadyAt: null })
        {
            // Without a health check a pod is ready when it runs; with one, when it is first seen passing.
            var readyAt = pod.Containers.Any(c => c.Status?.Contains("health", StringComparison.Ordinal) == true)
                ? _timeProvider.GetUtcNow()
                : times.StartedAt;
            times = _times.AddOrUpdate(pod.Id, times with { ReadyAt = readyAt }, (_, old) => old with { ReadyAt = old.ReadyAt ?? readyAt });
        }

        var listed = new PodInfo
        {
            Id = pod.Id,
            Pipeline = pod.Pipeline,
            State = state,
            CreatedAt = times?.CreatedAt ?? pod.CreatedAt,
            StartedAt = times?.StartedAt,
            ReadyAt = state == PodState.Ready ? times?.ReadyAt : null,
            Containers = pod.Containers
                .Select(c => new PodContainerInfo { Name = c.Labels[PodLabels.Container], Id = c.ID, Running = c.State == "running" })
                .ToList(),
        };
        return await _warm.StateOfAsync(pod, listed, cancellationToken);
    }

    /// <summary>Start times known to this instance; <paramref name="CreatedAt"/> overrides the label for started standby pods.</summary>
    private sealed record PodTimes(DateTimeOffset? StartedAt, DateTimeOffset? ReadyAt, DateTimeOffset? CreatedAt);
}
