using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Core.Pods;

/// <summary>
/// Scale, stop and reconcile logic shared by orchestrators that start and stop pods one by one (Docker, processes).
/// A derived class supplies three primitives: list the pipeline's pods, start one whole pod (or clean up and throw
/// <see cref="PodStartException"/>), and stop one pod gracefully and remove it. Calls for one pipeline are serialized.
/// Pods in <see cref="PodState.Starting"/> or <see cref="PodState.Exited"/> seen under the pipeline lock are broken
/// (a start that crashed half-way, or a dead container) and are removed whole; one agent per pipeline is assumed.
/// </summary>
public abstract partial class PodOrchestratorBase : IPodOrchestrator
{
    private readonly PipelineLocks _locks = new();
    private readonly ConcurrentDictionary<string, bool> _stopping = new(StringComparer.Ordinal);
    private readonly Lazy<PodStartRecorder> _recorder;

    /// <summary>Creates the base with the logger for the shared events (ids 5000-5099) and optional start-latency metrics.</summary>
    protected PodOrchestratorBase(ILogger logger, PodMetrics? metrics = null)
    {
        Logger = logger ?? throw new ArgumentNullException(nameof(logger));
        // Lazy: Kind is abstract and must not be read in the constructor.
        _recorder = new Lazy<PodStartRecorder>(() => new PodStartRecorder(metrics, Kind));
    }

    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <summary>Logger of the orchestrator.</summary>
    protected ILogger Logger { get; }

    /// <summary>Pods created at the same time during one scale-up. Default 8.</summary>
    protected virtual int MaxParallelPodStarts => 8;

    /// <inheritdoc />
    public virtual IReadOnlyList<string> Validate(PodTemplate podTemplate) => [.. PodTemplateValidator.Validate(podTemplate), .. ValidateWarm(podTemplate)];

    /// <inheritdoc />
    public async Task<IReadOnlyList<PodInfo>> ListPodsAsync(string pipeline, CancellationToken cancellationToken = default)
    {
        var pods = await ListPodsCoreAsync(pipeline, cancellationToken);
        _recorder.Value.Listed(pipeline, pods);
        return pods.Select(p => _stopping.ContainsKey(p.Id) ? p with { State = PodState.Stopping } : p).ToList();
    }

    /// <inheritdoc />
    public async Task<PodOperationResult> ScaleAsync(PodTemplate podTemplate, int replicas, CancellationToken cancellationToken = default)
    {
        PodTemplateValidator.ThrowIfAny(podTemplate, Validate(podTemplate));
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        using var held = await _locks.AcquireAsync(podTemplate.Pipeline, cancellationToken);
        RememberWarmTarget(podTemplate);
        var pods = await ListPodsAsync(podTemplate.Pipeline, cancellationToken);
        var removed = await RemoveBrokenAsync(pods, cancellationToken);
        var healthy = pods.Where(IsHealthy).ToList();
        var warm = WarmByPromotionOrder(pods);
        var promoted = PodOperationResult.None;
        var started = PodOperationResult.None;
        var stopped = PodOperationResult.None;
        if (healthy.Count < replicas)
        {
            promoted = await PromoteAsync(warm.Take(replicas - healthy.Count).ToList(), cancellationToken);
            started = await StartPodsAsync(podTemplate, replicas - healthy.Count - promoted.Promoted.Count, cancellationToken);
        }
        else if (healthy.Count > replicas)
        {
            var victims = ScaleDownVictims.Choose(healthy, healthy.Count - replicas);
            stopped = await StopAsync(victims, cancellationToken);
        }

        var warmLeft = warm.Where(p => !promoted.Promoted.Any(q => q.Id == p.Id)).ToList();
        var surplusWarm = await StopAsync(ScaleDownVictims.Choose(warmLeft, Math.Max(0, warmLeft.Count - podTemplate.WarmPods)), cancellationToken);
        var running = healthy.Count - stopped.Stopped.Count + started.Started.Count + promoted.Promoted.Count;
        var upkeep = await AfterScaleAsync(podTemplate, running, cancellationToken);
        RefillWarmPool(podTemplate, pods);
        return new PodOperationResult
        {
            Started = started.Started,
            Promoted = promoted.Promoted,
            Stopped = [.. stopped.Stopped, .. surplusWarm.Stopped],
            Killed = [.. stopped.Killed, .. surplusWarm.Killed],
            Removed = removed,
            Failures = [.. promoted.Failures, .. started.Failures, .. stopped.Failures, .. surplusWarm.Failures, .. upkeep, .. WarmContractFailures(podTemplate, pods)],
            Running = running,
        };
    }

    /// <inheritdoc />
    public async Task<PodOperationResult> StopPodsAsync(string pipeline, IReadOnlyCollection<string> podIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(podIds);
        using var held = await _locks.AcquireAsync(pipeline, cancellationToken);
        var pods = await ListPodsAsync(pipeline, cancellationToken);
        var stopped = await StopAsync(pods.Where(p => podIds.Contains(p.Id)).ToList(), cancellationToken);
        var healthyStopped = pods.Count(p => IsHealthy(p) && stopped.Stopped.Contains(p.Id));
        return stopped with { Running = pods.Count(IsHealthy) - healthyStopped };
    }

    /// <inheritdoc />
    public async Task<PodOperationResult> ReconcileAsync(PodTemplate podTemplate, CancellationToken cancellationToken = default)
    {
        PodTemplateValidator.ThrowIfAny(podTemplate, Validate(podTemplate));
        using var held = await _locks.AcquireAsync(podTemplate.Pipeline, cancellationToken);
        RememberWarmTarget(podTemplate);
        var pods = await ListPodsAsync(podTemplate.Pipeline, cancellationToken);
        var removed = await RemoveBrokenAsync(pods, cancellationToken);
        // A broken pod that was warm and never promoted is replaced by the warm refill, not by a cold start.
        var replaced = pods.Count(p => removed.Contains(p.Id) && !(p.StartedWarm && p.PromotedAt is null));
        var started = await StartPodsAsync(podTemplate, replaced, cancellationToken);
        var running = pods.Count(IsHealthy) + started.Started.Count;
        var upkeep = await AfterScaleAsync(podTemplate, running, cancellationToken);
        RefillWarmPool(podTemplate, pods);
        return started with { Removed = removed, Running = running, Failures = [.. started.Failures, .. upkeep] };
    }

    /// <summary>The pipeline's pods as the platform shows them, oldest first. Never throws for unlabelled containers: it ignores them.</summary>
    protected abstract Task<IReadOnlyList<PodInfo>> ListPodsCoreAsync(string pipeline, CancellationToken cancellationToken);

    /// <summary>Creates and starts every container of one new pod and returns it running; on failure removes them all and throws <see cref="PodStartException"/>.</summary>
    protected abstract Task<PodInfo> StartPodAsync(PodTemplate podTemplate, CancellationToken cancellationToken);

    /// <summary>Stops every container of <paramref name="pod"/> (SIGTERM, its grace period, SIGKILL) and removes them; returns whether any was killed.</summary>
    protected abstract Task<bool> StopPodAsync(PodInfo pod, CancellationToken cancellationToken);

    /// <summary>
    /// Called under the pipeline lock before one call (scale-up or reconcile) starts <paramref name="count"/> pods, so the
    /// orchestrator can prepare what those starts share (for example the standby pods they may take). Default: nothing.
    /// </summary>
    protected virtual Task BeforeStartingPodsAsync(PodTemplate podTemplate, int count, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called under the pipeline lock at the end of <see cref="ScaleAsync"/> and <see cref="ReconcileAsync"/>, after pods were
    /// started and stopped, with the number of healthy pods now running: upkeep that must not delay pod starts (for example
    /// topping up standby pods, or removing them at zero). Returns problems met, one line each, added to the call's
    /// <see cref="PodOperationResult.Failures"/>. Default: nothing.
    /// </summary>
    protected virtual Task<IReadOnlyList<string>> AfterScaleAsync(PodTemplate podTemplate, int running, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    private static bool IsHealthy(PodInfo pod) => pod.State is PodState.Running or PodState.Ready;

    private async Task<IReadOnlyList<string>> RemoveBrokenAsync(IReadOnlyList<PodInfo> pods, CancellationToken cancellationToken)
    {
        var broken = pods.Where(p => p.State is PodState.Starting or PodState.Exited).ToList();
        var outcome = await StopAsync(broken, cancellationToken);
        foreach (var pod in broken.Where(p => outcome.Stopped.Contains(p.Id)))
        {
            PodLog.BrokenPodRemoved(Logger, Kind, pod.Id, pod.Pipeline, pod.State);
        }

        return outcome.Stopped;
    }

    private async Task<PodOperationResult> StartPodsAsync(PodTemplate podTemplate, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return PodOperationResult.None;
        }

        await BeforeStartingPodsAsync(podTemplate, count, cancellationToken);
        using var gate = new SemaphoreSlim(MaxParallelPodStarts);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                // Run each start on the pool, so starts overlap even when a platform's start is synchronous.
                await Task.Yield();
                var pod = await StartPodAsync(podTemplate, cancellationToken);
                PodLog.PodStarted(Logger, Kind, pod.Id, pod.Pipeline, pod.TimeToRunning?.TotalMilliseconds ?? double.NaN);
                _recorder.Value.Started(pod);
                return (Pod: pod, Failure: (string?)null);
            }
            catch (PodStartException ex)
            {
                PodLog.PodStartFailed(Logger, Kind, ex.PodId, podTemplate.Pipeline, ex.Message);
                _recorder.Value.Failed(podTemplate.Pipeline);
                return (Pod: (PodInfo?)null, Failure: (string?)$"pod {ex.PodId} failed to start and was removed: {ex.Message}");
            }
            finally
            {
                gate.Release();
            }
        }));
        return new PodOperationResult
        {
            Started = outcomes.Where(o => o.Pod is not null).Select(o => o.Pod!).ToList(),
            Failures = outcomes.Where(o => o.Failure is not null).Select(o => o.Failure!).ToList(),
        };
    }

    private async Task<PodOperationResult> StopAsync(IReadOnlyList<PodInfo> pods, CancellationToken cancellationToken)
    {
        var outcomes = await Task.WhenAll(pods.Select(async pod =>
        {
            _stopping[pod.Id] = true;
            try
            {
                var killed = await StopPodAsync(pod, cancellationToken);
                PodLog.PodStopped(Logger, Kind, pod.Id, pod.Pipeline, killed);
                return (pod.Id, Killed: killed, Failure: (string?)null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                PodLog.PodStopFailed(Logger, Kind, pod.Id, pod.Pipeline, ex.Message);
                return (pod.Id, Killed: false, Failure: (string?)$"pod {pod.Id} could not be stopped: {ex.Message}");
            }
            finally
            {
                _stopping.TryRemove(pod.Id, out _);
            }
        }));
        return new PodOperationResult
        {
            Stopped = outcomes.Where(o => o.Failure is null).Select(o => o.Id).ToList(),
            Killed = outcomes.Where(o => o.Killed).Select(o => o.Id).ToList(),
            Failures = outcomes.Where(o => o.Failure is not null).Select(o => o.Failure!).ToList(),
        };
    }
}
