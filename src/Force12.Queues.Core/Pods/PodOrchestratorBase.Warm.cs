using System.Collections.Concurrent;

namespace Force12.Queues.Core.Pods;

/// <summary>
/// Warm pods (<see cref="PodTemplate.WarmPods"/>, docs/pod-contract.md): promoted first on scale-up, stopped first,
/// refilled in the background after each scale or reconcile call. A derived class that supports them overrides
/// <see cref="SupportsWarmPods"/>, <see cref="StartWarmPodAsync"/> and <see cref="PromotePodAsync"/>, and lists pods
/// started warm in <see cref="PodState.Warm"/> until promoted (or until they turn out to ignore the contract).
/// </summary>
public abstract partial class PodOrchestratorBase
{
    // The latest template per pipeline: the refill reads it under the lock, so a scale to zero warm pods stops it.
    private readonly ConcurrentDictionary<string, PodTemplate> _warmTargets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _refills = new(StringComparer.Ordinal);

    // Pipelines whose pods ignore the contract: their warm pool is not refilled (each warm start would be a cold pod).
    private readonly ConcurrentDictionary<string, string> _ignoringContract = new(StringComparer.Ordinal);

    /// <summary>True when the orchestrator can start warm pods and promote them. Default false: <c>pod.warm</c> is rejected.</summary>
    protected virtual bool SupportsWarmPods => false;

    /// <summary>Starts one pod warm (<see cref="WarmPodContract"/>) and returns it in <see cref="PodState.Warm"/>; like <see cref="StartPodAsync"/> otherwise.</summary>
    protected virtual Task<PodInfo> StartWarmPodAsync(PodTemplate podTemplate, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"the {Kind} orchestrator does not support warm pods");

    /// <summary>Tells a warm pod to consume (<see cref="WarmPodContract.ConsumeFile"/>) and returns it as now listed (<see cref="PodState.Ready"/>).</summary>
    protected virtual Task<PodInfo> PromotePodAsync(PodInfo pod, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"the {Kind} orchestrator does not support warm pods");

    /// <summary>The background refill of <paramref name="pipeline"/>'s warm pool, or a completed task when none runs (for tests and shutdown).</summary>
    public Task WarmRefillAsync(string pipeline) => _refills.TryGetValue(pipeline, out var refill) ? refill : Task.CompletedTask;

    private IEnumerable<string> ValidateWarm(PodTemplate podTemplate)
    {
        if (podTemplate.WarmPods > 0 && !SupportsWarmPods)
        {
            yield return $"{PodTemplateValidator.PathOf(podTemplate)}.{Configuration.PodKeys.Warm}: warm pods are not supported by the {Kind} orchestrator; use 0 (was {podTemplate.WarmPods})";
        }
    }

    private void RememberWarmTarget(PodTemplate podTemplate) => _warmTargets[podTemplate.Pipeline] = podTemplate;

    /// <summary>Warm pods to promote first: those that reported warm (oldest first), then those still warming up.</summary>
    private static List<PodInfo> WarmByPromotionOrder(IEnumerable<PodInfo> pods) => pods
        .Where(p => p.State == PodState.Warm)
        .OrderBy(p => p.WarmAt is null ? 1 : 0)
        .ThenBy(p => p.WarmAt ?? p.CreatedAt)
        .ThenBy(p => p.Id, StringComparer.Ordinal)
        .ToList();

    private async Task<PodOperationResult> PromoteAsync(IReadOnlyList<PodInfo> warm, CancellationToken cancellationToken)
    {
        var outcomes = await Task.WhenAll(warm.Select(async pod =>
        {
            try
            {
                var promoted = await PromotePodAsync(pod, cancellationToken);
                PodLog.PodPromoted(Logger, Kind, pod.Id, pod.Pipeline, pod.WarmAt is not null);
                return (Pod: (PodInfo?)promoted, Failure: (string?)null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                PodLog.PodPromotionFailed(Logger, Kind, pod.Id, pod.Pipeline, ex.Message);
                return (Pod: null, Failure: $"warm pod {pod.Id} could not be promoted: {ex.Message}");
            }
        }));
        return new PodOperationResult
        {
            Promoted = outcomes.Where(o => o.Pod is not null).Select(o => o.Pod!).ToList(),
            Failures = outcomes.Where(o => o.Failure is not null).Select(o => o.Failure!).ToList(),
        };
    }

    /// <summary>One failure line when a pod of the pipeline is first seen ignoring the contract (its warm pool is then not refilled).</summary>
    private IReadOnlyList<string> WarmContractFailures(PodTemplate podTemplate, IReadOnlyList<PodInfo> pods)
    {
        if (podTemplate.WarmPods == 0)
        {
            return [];
        }

        var ignoring = pods.FirstOrDefault(p => p.IgnoresWarmContract);
        if (ignoring is null || !_ignoringContract.TryAdd(podTemplate.Pipeline, ignoring.Id))
        {
            return [];
        }

        // Reported once, when first seen: the control loop calls again every tick while the pool is short.
        PodLog.WarmContractIgnored(Logger, Kind, ignoring.Id, podTemplate.Pipeline, podTemplate.WarmTimeout.TotalSeconds);
        return [$"warm pods: pod {ignoring.Id} did not report warm within {podTemplate.WarmTimeout.TotalSeconds:0.#} s and runs as a cold pod; the warm pool is not refilled (see docs/pod-contract.md)"];
    }

    /// <summary>Starts the background refill when the pool is short; at most one runs per pipeline. Called under the lock.</summary>
    private void RefillWarmPool(PodTemplate podTemplate, IReadOnlyList<PodInfo> pods)
    {
        var pipeline = podTemplate.Pipeline;
        if (podTemplate.WarmPods == 0 || pods.Any(p => p.IgnoresWarmContract) || _ignoringContract.ContainsKey(pipeline)
            || (_refills.TryGetValue(pipeline, out var running) && !running.IsCompleted))
        {
            return;
        }

        _refills[pipeline] = Task.Run(() => RefillAsync(pipeline));
    }

    private async Task RefillAsync(string pipeline)
    {
        // One start per lock hold: a scale call waits for at most one warm start, never for the whole refill.
        while (true)
        {
            using var held = await _locks.AcquireAsync(pipeline, CancellationToken.None);
            var template = _warmTargets[pipeline];
            try
            {
                var pods = await ListPodsAsync(pipeline, CancellationToken.None);
                if (pods.Count(p => p.State == PodState.Warm) >= template.WarmPods || pods.Any(p => p.IgnoresWarmContract))
                {
                    return;
                }

                var pod = await StartWarmPodAsync(template, CancellationToken.None);
                PodLog.WarmPodStarted(Logger, Kind, pod.Id, pipeline);
            }
            catch (PodStartException ex)
            {
                // The next scale or reconcile call tries again.
                PodLog.PodStartFailed(Logger, Kind, ex.PodId, pipeline, ex.Message);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Nobody awaits the refill: an engine error must not go unobserved. The next call tries again.
                PodLog.PodStartFailed(Logger, Kind, "(warm)", pipeline, ex.Message);
                return;
            }
        }
    }
}
