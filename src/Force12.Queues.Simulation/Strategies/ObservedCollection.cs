using System.Globalization;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Simulation.Strategies;

/// <summary>
/// A simulator observation as the agent would receive it: the lag snapshot a collector reports (raw per-partition
/// lag and arrival rate; no status beyond caught up or ok, since simulated consumers never stall) and the pod list
/// an orchestrator returns.
/// </summary>
internal static class ObservedCollection
{
    /// <summary>The snapshot a collector would report at <paramref name="at"/>; totals are the observation's own sums.</summary>
    public static LagCollectionResult Collection(SimulatedPipeline spec, PipelineObservation observation, DateTimeOffset at)
    {
        var units = new LagUnitSnapshot[observation.PartitionBacklogs.Count];
        for (var p = 0; p < units.Length; p++)
        {
            var lag = (long)Math.Round(Math.Max(0, observation.PartitionBacklogs[p]));
            units[p] = new LagUnitSnapshot
            {
                Id = new LagUnitId(spec.Name, p.ToString(CultureInfo.InvariantCulture)),
                Lag = lag,
                ArrivalRate = observation.PartitionArrivalRates[p],
                Status = lag > 0 ? LagUnitStatus.Ok : LagUnitStatus.CaughtUp,
            };
        }

        return LagCollectionResult.Success(new LagSnapshot
        {
            SourceKind = "simulated",
            Cluster = "simulator",
            Group = spec.Name,
            ObservedAt = at,
            Units = units,
            Totals = new LagTotals
            {
                Lag = (long)Math.Round(observation.BacklogMessages),
                MaxLagSeconds = observation.OldestAgeSeconds,
                ArrivalRate = observation.ArrivalRatePerSecond,
                ProcessingRate = observation.ProcessingRatePerSecond,
                Units = units.Length,
            },
        });
    }

    /// <summary>The pods an orchestrator would list: ready ones, starting ones (current but not ready) and stopping ones.</summary>
    public static IReadOnlyList<PodInfo> Pods(SimulatedPipeline spec, PipelineObservation observation, DateTimeOffset at)
    {
        var starting = Math.Max(0, observation.CurrentPods - observation.ReadyPods);
        var pods = new PodInfo[observation.ReadyPods + starting + observation.StoppingPods];
        for (var i = 0; i < pods.Length; i++)
        {
            var state = i < observation.ReadyPods ? PodState.Ready : i < observation.ReadyPods + starting ? PodState.Starting : PodState.Stopping;
            pods[i] = new PodInfo { Id = string.Create(CultureInfo.InvariantCulture, $"{spec.Name}-{i}"), Pipeline = spec.Name, State = state, CreatedAt = at };
        }

        return pods;
    }
}
