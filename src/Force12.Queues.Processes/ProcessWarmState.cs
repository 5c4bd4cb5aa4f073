using Force12.Queues.Core.Pods;

namespace Force12.Queues.Processes;

/// <summary>The state of a running pod started warm, read from its control folder (docs/pod-contract.md).</summary>
internal static class ProcessWarmState
{
    /// <summary>
    /// Promoted (<c>consume</c> present): ready since the promotion. Not promoted: warm while it has reported warm or is
    /// within its warm timeout; past the timeout without <c>warm</c> it ignores the contract and counts as a ready cold pod.
    /// </summary>
    public static PodInfo Of(PodInfo running, string controlDirectory, double warmTimeoutSeconds, DateTimeOffset now)
    {
        var warmAt = WarmPodContract.Appeared(controlDirectory, WarmPodContract.WarmFile);
        var promotedAt = WarmPodContract.Appeared(controlDirectory, WarmPodContract.ConsumeFile);
        var pod = running with { StartedWarm = true, WarmAt = warmAt, PromotedAt = promotedAt };
        if (promotedAt is not null)
        {
            return pod with { ReadyAt = promotedAt };
        }

        var warmingUp = running.StartedAt is { } started && now - started < TimeSpan.FromSeconds(warmTimeoutSeconds);
        return warmAt is not null || warmingUp ? pod with { State = PodState.Warm, ReadyAt = null } : pod;
    }
}
