using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Agent;

/// <summary>Turns a collection and the pipeline's pod counts into the policy's input. Pure; part of <see cref="DecisionStep"/>.</summary>
public static class PolicyInputMapper
{
    /// <summary>
    /// Builds the <see cref="PolicyInput"/> for one pipeline at <paramref name="at"/>. Hot units are found here, in the
    /// policy stage, from the raw per-unit lag and arrival rate with <see cref="PartitionLoad"/>'s rule at the
    /// throughput the policy will use (learned, or the prior); a unit whose arrival rate is not known yet counts
    /// its backlog only.
    /// </summary>
    /// <param name="collection">This tick's collection (snapshot or error).</param>
    /// <param name="pods">The pipeline's pods as the orchestrator lists them, counted.</param>
    /// <param name="consumersPerPod">Consumers one pod runs; useful parallelism is units / this.</param>
    /// <param name="state">State carried from the previous tick, with the failure count and ready pods already updated for this one.</param>
    /// <param name="at">When the tick observed this.</param>
    /// <param name="policy">The pipeline's policy (SLA, prior throughput, group settle time).</param>
    public static PolicyInput Map(LagCollectionResult collection, PodCounts pods, int consumersPerPod, PipelineState state, DateTimeOffset at, SlaPolicyOptions policy)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        var input = new PolicyInput
        {
            At = at,
            CurrentPods = pods.Current,
            ReadyPods = pods.Ready,
            Throughput = state.Throughput,
            History = state.History,
            ConsecutiveFailedPolls = state.ConsecutiveFailedPolls,
            GroupStable = state.ReadyPodsSince is { } since && at - since >= policy.GroupSettleTime,
        };
        if (!collection.Succeeded)
        {
            return input with { MetricsAvailable = false };
        }

        var snapshot = collection.Snapshot;
        var totals = snapshot.Totals;
        // A unit is hot only where one consumer reads it (a partition, a shard); a queue that competing consumers share
        // drains faster with every pod added, so no backlog on it is beyond what scaling can fix.
        var hot = snapshot.UnitsCapParallelism
            ? HotUnits(snapshot.Units, policy.Sla.TotalSeconds, state.Throughput.Or(policy.PerPodThroughputPrior))
            : default;
        var lagging = snapshot.Units.Where(u => u.Lag > 0).ToArray();
        return input with
        {
            BacklogMessages = totals.Lag,
            OldestUnprocessedAgeSeconds = totals.MaxLagSeconds,
            ArrivalRatePerSecond = totals.ArrivalRate ?? 0,
            ProcessingRatePerSecond = totals.ProcessingRate ?? 0,
            UsefulParallelism = snapshot.UnitsCapParallelism ? Math.Max(1, totals.Units / Math.Max(1, consumersPerPod)) : int.MaxValue,
            HotUnits = hot.HotUnits,
            HotBacklogMessages = (long)Math.Round(hot.HotBacklogMessages),
            HotArrivalRatePerSecond = hot.HotArrivalRatePerSecond,
            // More pods cannot help only when every unit that has a backlog stopped committing.
            Stalled = lagging.Length > 0 && lagging.All(u => u.Status == LagUnitStatus.Stalled),
        };
    }

    // One pass over the units with the one hot rule (PartitionLoad.IsHot), without copying them into arrays each tick.
    private static PartitionLoad HotUnits(IReadOnlyList<LagUnitSnapshot> units, double slaSeconds, double perPodThroughput)
    {
        int hot = 0;
        double backlog = 0, arrivals = 0, hotBacklog = 0, hotArrivals = 0;
        foreach (var unit in units)
        {
            var lag = unit.Lag > 0 ? unit.Lag : 0;
            var rate = unit.ArrivalRate is > 0 and var known ? known : 0;
            backlog += lag;
            arrivals += rate;
            if (PartitionLoad.IsHot(lag, rate, slaSeconds, perPodThroughput))
            {
                hot++;
                hotBacklog += lag;
                hotArrivals += rate;
            }
        }

        return new PartitionLoad(backlog, arrivals, hot, hotBacklog, hotArrivals);
    }
}
