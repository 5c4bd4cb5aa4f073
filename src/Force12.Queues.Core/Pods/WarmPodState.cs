namespace Force12.Queues.Core.Pods;

/// <summary>The state of a running pod that was started warm (docs/pod-contract.md), from what its control folder shows. Pure.</summary>
public static class WarmPodState
{
    /// <summary>
    /// Promoted (<paramref name="promotedAt"/> set): ready since the promotion. Not promoted: warm while it has reported
    /// warm or is within <paramref name="warmTimeout"/> of its start; past it without <c>warm</c> it ignores the contract
    /// and stays as listed (<see cref="PodState.Ready"/>): a cold pod, see <see cref="PodInfo.IgnoresWarmContract"/>.
    /// </summary>
    /// <param name="running">The pod as listed, with every container running.</param>
    /// <param name="warmAt">When the pod's <c>warm</c> file appeared, or <c>null</c>.</param>
    /// <param name="promotedAt">When the <c>consume</c> file appeared, or <c>null</c>.</param>
    /// <param name="warmTimeout">The template's <see cref="PodTemplate.WarmTimeout"/> when the pod was started.</param>
    /// <param name="now">The current time.</param>
    public static PodInfo Of(PodInfo running, DateTimeOffset? warmAt, DateTimeOffset? promotedAt, TimeSpan warmTimeout, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(running);
        var pod = running with { StartedWarm = true, WarmAt = warmAt, PromotedAt = promotedAt };
        if (promotedAt is not null)
        {
            return pod with { ReadyAt = promotedAt };
        }

        var warmingUp = running.StartedAt is { } started && now - started < warmTimeout;
        return warmAt is not null || warmingUp ? pod with { State = PodState.Warm, ReadyAt = null } : pod;
    }
}
