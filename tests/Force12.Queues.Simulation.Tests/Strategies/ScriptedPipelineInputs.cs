using System.Globalization;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Simulation.Tests.Strategies;

/// <summary>
/// A fixed sequence of what a collector and an orchestrator report for one pipeline of 12 partitions, tick by
/// tick: steady load, a demand step, failed collections (one alone, then three in a row), a hot partition, and
/// pods starting, becoming ready and stopping.
/// </summary>
internal static class ScriptedPipelineInputs
{
    public const string Pipeline = "bulbs";
    public const int Ticks = 80;
    private const int Partitions = 12;

    public static bool Fails(int tick) => tick == 18 || tick is >= 40 and <= 42;

    public static LagCollectionResult Collection(int tick, DateTimeOffset at)
    {
        if (Fails(tick))
        {
            return LagCollectionResult.Failure(new LagError
            {
                SourceKind = "scripted", Cluster = "test", Group = "g", Kind = LagErrorKind.Unreachable, Message = "broker down", ObservedAt = at,
            });
        }

        // Demand steps from 200 to 1,500 msg/s at tick 10 and falls back to 300 msg/s at tick 50.
        var arrivals = tick < 10 ? 200.0 : tick < 50 ? 1_500.0 : 300.0;
        var backlog = tick < 10 ? 400L : tick < 30 ? 4_000L + (tick * 100) : tick < 50 ? 1_200L : 0L;
        var processing = tick < 10 ? 200.0 : tick < 20 ? 600.0 : tick < 50 ? 1_450.0 : 310.0;
        var units = Enumerable.Range(0, Partitions).Select(p =>
        {
            // Partition 3 is hot from tick 25 to 35: 6,000 messages cannot drain within 10 s at 100 msg/s.
            var lag = tick is >= 25 and <= 35 && p == 3 ? 6_000L : backlog / Partitions;
            return new LagUnitSnapshot
            {
                Id = new LagUnitId(Pipeline, p.ToString(CultureInfo.InvariantCulture)),
                Lag = lag,
                LagSeconds = lag > 0 ? 2 : 0,
                ArrivalRate = tick == 1 ? null : arrivals / Partitions,
                ProcessingRate = tick == 1 ? null : processing / Partitions,
                Status = lag > 0 ? LagUnitStatus.Ok : LagUnitStatus.CaughtUp,
            };
        }).ToArray();
        return LagCollectionResult.Success(new LagSnapshot
        {
            SourceKind = "scripted", Cluster = "test", Group = "g", ObservedAt = at, Units = units, Totals = LagTotals.Sum(units),
        });
    }

    public static IReadOnlyList<PodInfo> Pods(int tick, DateTimeOffset at)
    {
        // 2 ready; 6 more asked for at tick 11, ready from tick 14; 3 stopping at ticks 60 to 61.
        var (ready, starting, stopping) = tick switch
        {
            < 11 => (2, 0, 0),
            < 14 => (2, 6, 0),
            < 60 => (8, 0, 0),
            < 62 => (5, 0, 3),
            _ => (5, 0, 0),
        };
        return Enumerable.Range(0, ready + starting + stopping).Select(i => new PodInfo
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{Pipeline}-{i}"),
            Pipeline = Pipeline,
            State = i < ready ? PodState.Ready : i < ready + starting ? PodState.Starting : PodState.Stopping,
            CreatedAt = at,
        }).ToArray();
    }
}
