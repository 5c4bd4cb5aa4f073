namespace Force12.Queues.Core.Pods;

/// <summary>
/// Chooses which pods to stop on scale-down. Rule, in order:
/// <list type="number">
/// <item>warm pods (they consume nothing), then pods that are not ready (starting or running without a passed health check) before ready ones: they do no work yet;</item>
/// <item>then the newest first (latest <see cref="PodInfo.CreatedAt"/>): old pods have warm caches and settled consumer assignments;</item>
/// <item>ties broken by pod id (ordinal, descending) so the choice is deterministic.</item>
/// </list>
/// Pods already <see cref="PodState.Stopping"/> or <see cref="PodState.Exited"/> are never chosen: they are going anyway.
/// Pure: no clock, no I/O.
/// </summary>
public static class ScaleDownVictims
{
    /// <summary>Returns up to <paramref name="count"/> pods to stop, in the order they should be stopped.</summary>
    public static IReadOnlyList<PodInfo> Choose(IEnumerable<PodInfo> pods, int count)
    {
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return pods
            .Where(pod => pod.State is PodState.Warm or PodState.Starting or PodState.Running or PodState.Ready)
            .OrderBy(pod => pod.State switch { PodState.Warm => 0, PodState.Ready => 2, _ => 1 })
            .ThenByDescending(pod => pod.CreatedAt)
            .ThenByDescending(pod => pod.Id, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }
}
