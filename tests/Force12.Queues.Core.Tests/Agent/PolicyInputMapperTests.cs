using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Tests.Agent;

public sealed class PolicyInputMapperTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Map_PartitionsCapParallelism_UsefulParallelismIsUnitsPerConsumer()
    {
        var input = PolicyInputMapper.Map(Collection(units: 12, capParallelism: true), default, consumersPerPod: 2, PipelineState.Initial, At, new SlaPolicyOptions());

        Assert.Equal(6, input.UsefulParallelism);
    }

    [Fact]
    public void Map_QueueWithCompetingConsumers_UsefulParallelismIsUnbounded()
    {
        var input = PolicyInputMapper.Map(Collection(units: 1, capParallelism: false), default, consumersPerPod: 1, PipelineState.Initial, At, new SlaPolicyOptions());

        Assert.Equal(int.MaxValue, input.UsefulParallelism);
        Assert.Equal(5000, input.BacklogMessages);
    }

    [Fact]
    public void Map_OneDeepPartition_IsHotByThePolicysRuleAtThePriorThroughput()
    {
        // SLA 10 s, prior 100 msg/s: 2,000 / 10 + 0 = 200 > 100 is hot; 500 / 10 + 40 = 90 is not;
        // 1,500 with no arrival rate known yet is judged on its backlog: 150 > 100.
        var units = new[] { Unit(0, 2_000, 0), Unit(1, 500, 40), Unit(2, 1_500, null) };
        var collection = LagCollectionResult.Success(new LagSnapshot
        {
            SourceKind = "test", Cluster = "c", Group = "g", ObservedAt = At, Units = units, Totals = LagTotals.Sum(units),
        });

        var input = PolicyInputMapper.Map(collection, default, consumersPerPod: 1, PipelineState.Initial, At, new SlaPolicyOptions { PerPodThroughputPrior = 100 });

        Assert.Equal((2, 3_500, 0), (input.HotUnits, input.HotBacklogMessages, input.HotArrivalRatePerSecond));
    }

    [Fact]
    public void Map_LearnedThroughput_IsTheThroughputTheHotRuleUses()
    {
        var units = new[] { Unit(0, 2_000, 0) };
        var collection = LagCollectionResult.Success(new LagSnapshot
        {
            SourceKind = "test", Cluster = "c", Group = "g", ObservedAt = At, Units = units, Totals = LagTotals.Sum(units),
        });
        var learned = PipelineState.Initial with { Throughput = new ThroughputEstimate { PerPodMessagesPerSecond = 250, Samples = 3 } };

        var input = PolicyInputMapper.Map(collection, default, consumersPerPod: 1, learned, At, new SlaPolicyOptions { PerPodThroughputPrior = 100 });

        Assert.Equal(0, input.HotUnits); // 200 msg/s of need fits one 250 msg/s consumer
    }

    [Fact]
    public void Map_DeepQueueOfCompetingConsumers_IsNeverHot()
    {
        // The same 2,000-message unit as above is hot on a partition, but a RabbitMQ queue is drained by every pod
        // that joins: flagging it would hold the pipeline at one pod (the chaos test's bulb-state pipeline did).
        var units = new[] { Unit(0, 2_000, 0) };
        var collection = LagCollectionResult.Success(new LagSnapshot
        {
            SourceKind = "rabbitmq", Cluster = "c", Group = "g", ObservedAt = At, Units = units, Totals = LagTotals.Sum(units),
            UnitsCapParallelism = false,
        });

        var input = PolicyInputMapper.Map(collection, default, consumersPerPod: 1, PipelineState.Initial, At, new SlaPolicyOptions { PerPodThroughputPrior = 100 });

        Assert.Equal((0, 0, 0), (input.HotUnits, input.HotBacklogMessages, input.HotArrivalRatePerSecond));
        Assert.Equal(int.MaxValue, input.UsefulParallelism);
    }

    private static LagUnitSnapshot Unit(int partition, long lag, double? arrivalRate) => new()
    {
        Id = new LagUnitId("q", partition.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Lag = lag,
        ArrivalRate = arrivalRate,
        Status = LagUnitStatus.Ok,
    };

    private static LagCollectionResult Collection(int units, bool capParallelism)
    {
        var all = Enumerable.Range(0, units).Select(u => new LagUnitSnapshot
        {
            Id = new LagUnitId("q", u.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Lag = 5000 / units,
            Status = LagUnitStatus.Ok,
        }).ToArray();
        return LagCollectionResult.Success(new LagSnapshot
        {
            SourceKind = "test", Cluster = "c", Group = "g", ObservedAt = At, Units = all, Totals = LagTotals.Sum(all), UnitsCapParallelism = capParallelism,
        });
    }
}
