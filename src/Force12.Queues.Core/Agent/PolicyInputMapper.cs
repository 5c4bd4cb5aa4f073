using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Agent;

/// <summary>Turns a collection and the pipeline's pods into the policy's input. Pure.</summary>
public static class PolicyInputMapper
{
    /// <summary>Builds the <see cref="PolicyInput"/> for one pipeline at <paramref name="at"/>.</summary>
    /// <param name="collection">This tick's collection (snapshot or error).</param>
    /// <param name="pods">The pipeline's pods as the orchestrator lists them.</param>
    /// <param name="consumersPerPod">Consumers one pod runs; useful parallelism is units / this.</param>
    /// <param name="state">State carried from the previous tick, with the failure count and ready pods already updated for this one.</param>
    /// <param name="at">When the tick observed this.</param>
    /// <param name="groupSettleTime">How long the ready pod count must have held for the group to count as stable.</param>
    public static PolicyInput Map(LagCollectionResult collection, IReadOnlyCollection<PodInfo> pods, int consumersPerPod, PipelineState state, DateTimeOffset at, TimeSpan groupSettleTime)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(state);
        var current = pods.Count(p => p.State is PodState.Starting or PodState.Running or PodState.Ready);
        var ready = pods.Count(p => p.State == PodState.Ready);
        var input = new PolicyInput
        {
            At = at,
            CurrentPods = current,
            ReadyPods = ready,
            Throughput = state.Throughput,
            History = state.History,
            ConsecutiveFailedPolls = state.ConsecutiveFailedPolls,
            GroupStable = state.ReadyPodsSince is { } since && at - since >= groupSettleTime,
        };
        if (!collection.Succeeded)
        {
            return input with { MetricsAvailable = false };
        }

        var snapshot = collection.Snapshot;
        var totals = snapshot.Totals;
        var hot = snapshot.Units.Where(u => u.Status == LagUnitStatus.Hot).ToArray();
        var lagging = snapshot.Units.Where(u => u.Lag > 0).ToArray();
        return input with
        {
            BacklogMessages = totals.Lag,
            OldestUnprocessedAgeSeconds = totals.MaxLagSeconds,
            ArrivalRatePerSecond = totals.ArrivalRate ?? 0,
            ProcessingRatePerSecond = totals.ProcessingRate ?? 0,
            UsefulParallelism = snapshot.UnitsCapParallelism ? Math.Max(1, totals.Units / Math.Max(1, consumersPerPod)) : int.MaxValue,
            HotUnits = hot.Length,
            HotBacklogMessages = hot.Sum(u => u.Lag),
            HotArrivalRatePerSecond = hot.Sum(u => u.ArrivalRate ?? 0),
            // More pods cannot help only when every unit that has a backlog stopped committing.
            Stalled = lagging.Length > 0 && lagging.All(u => u.Status == LagUnitStatus.Stalled),
        };
    }
}
