using Force12.Queues.Core.Pods;
using Force12.Queues.Ecs.Client;

namespace Force12.Queues.Ecs;

/// <summary>The writes: setting the desired count, with the tasks that stay protected on a scale-in.</summary>
public sealed partial class EcsPodOrchestrator
{
    /// <summary>
    /// Sets the service's desired count to <paramref name="replicas"/> and returns once ECS accepted it (nothing is written
    /// when it already is). Throws <see cref="EcsException"/> naming the service when ECS fails or when an Application
    /// Auto Scaling target owns the count.
    /// </summary>
    public async Task<PodOperationResult> ScaleAsync(PodTemplate podTemplate, int replicas, CancellationToken cancellationToken = default)
    {
        PodTemplateValidator.ThrowIfAny(podTemplate, Validate(podTemplate));
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        var pipeline = podTemplate.Pipeline;
        var target = Target(pipeline);
        using var held = await _locks.AcquireAsync(pipeline, cancellationToken).ConfigureAwait(false);
        return await GuardAsync(pipeline, target, async () =>
        {
            var service = await ActiveServiceAsync(target, cancellationToken).ConfigureAwait(false);
            if (service.DesiredCount == replicas)
            {
                return new PodOperationResult { Running = service.RunningCount };
            }

            await RefuseIfAutoScaledAsync(target, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<string> victims = [];
            if (replicas < service.DesiredCount && _options.ScaleInProtectionMinutes > 0)
            {
                var pods = await PodsAsync(pipeline, target, cancellationToken).ConfigureAwait(false);
                var chosen = ScaleDownVictims.Choose(pods, Math.Max(0, pods.Count(IsAlive) - replicas));
                victims = await ProtectAllButAsync(pipeline, target, pods, chosen, cancellationToken).ConfigureAwait(false);
            }

            await SetCountAsync(pipeline, target, service.DesiredCount, replicas, cancellationToken).ConfigureAwait(false);
            return new PodOperationResult { Stopped = victims, Running = service.RunningCount };
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops the chosen tasks by lowering the desired count by their number while every other task is protected (so ECS
    /// stops these and does not replace them). Unknown ids are ignored.
    /// </summary>
    public async Task<PodOperationResult> StopPodsAsync(string pipeline, IReadOnlyCollection<string> podIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(podIds);
        var target = Target(pipeline);
        using var held = await _locks.AcquireAsync(pipeline, cancellationToken).ConfigureAwait(false);
        return await GuardAsync(pipeline, target, async () =>
        {
            var service = await ActiveServiceAsync(target, cancellationToken).ConfigureAwait(false);
            var pods = await PodsAsync(pipeline, target, cancellationToken).ConfigureAwait(false);
            var chosen = pods.Where(p => IsAlive(p) && podIds.Contains(p.Id)).ToList();
            if (chosen.Count == 0)
            {
                return new PodOperationResult { Running = service.RunningCount };
            }

            await RefuseIfAutoScaledAsync(target, cancellationToken).ConfigureAwait(false);
            var victims = await ProtectAllButAsync(pipeline, target, pods, chosen, cancellationToken).ConfigureAwait(false);
            await SetCountAsync(pipeline, target, service.DesiredCount, Math.Max(0, service.DesiredCount - chosen.Count), cancellationToken).ConfigureAwait(false);
            return new PodOperationResult { Stopped = victims, Running = service.RunningCount };
        }).ConfigureAwait(false);
    }

    private static bool IsAlive(PodInfo pod) => pod.State is PodState.Starting or PodState.Running or PodState.Ready;

    // Protection first, then the lower count: ECS skips protected tasks when it scales in, so it stops the victims.
    // The victims' own protection (left from an earlier scale-in) is lifted. Protection that ECS refuses is logged, not
    // fatal: ECS then picks among the unprotected tasks itself, which commit-after-process makes safe.
    private async Task<IReadOnlyList<string>> ProtectAllButAsync(string pipeline, EcsPipelineSettings target, IReadOnlyList<PodInfo> pods, IReadOnlyList<PodInfo> victims, CancellationToken cancellationToken)
    {
        var minutes = _options.ScaleInProtectionMinutes;
        if (minutes == 0)
        {
            return [];
        }

        var victimIds = victims.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        var stay = pods.Where(p => IsAlive(p) && !victimIds.Contains(p.Id)).Select(p => p.Id).ToList();
        var refused = new List<string>();
        refused.AddRange(await _client.SetProtectionAsync(target.Cluster, stay, enabled: true, minutes, cancellationToken).ConfigureAwait(false));
        refused.AddRange(await _client.SetProtectionAsync(target.Cluster, [.. victimIds], enabled: false, minutes, cancellationToken).ConfigureAwait(false));
        if (refused.Count > 0)
        {
            EcsLog.ProtectionRefused(_logger, pipeline, string.Join("; ", refused));
        }

        return [.. victimIds];
    }

    private async Task RefuseIfAutoScaledAsync(EcsPipelineSettings target, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> owners;
        try
        {
            owners = await _client.ScalableTargetsAsync(target.Cluster, target.Service, cancellationToken).ConfigureAwait(false);
        }
        catch (EcsException e) when (e.ErrorCode == "AccessDeniedException")
        {
            throw new EcsException($"the agent needs application-autoscaling:DescribeScalableTargets to make sure no Application Auto Scaling target owns the desired count: {e.Message}", e.ErrorCode, retryable: false, e);
        }

        if (owners.Count > 0)
        {
            throw new EcsException($"an Application Auto Scaling target is registered on its desired count ({string.Join(", ", owners)}, {EcsApiClient.DesiredCountDimension}); " +
                "Application Auto Scaling owns the count, so force12 does not scale this service (deregister the scalable target, or leave the service out of force12)",
                "ScalableTargetRegistered", retryable: false);
        }
    }

    private async Task SetCountAsync(string pipeline, EcsPipelineSettings target, int from, int to, CancellationToken cancellationToken)
    {
        await _client.UpdateDesiredCountAsync(target.Cluster, target.Service, to, cancellationToken).ConfigureAwait(false);
        EcsLog.DesiredCountSet(_logger, pipeline, target.Service, target.Cluster, from, to);
    }
}
