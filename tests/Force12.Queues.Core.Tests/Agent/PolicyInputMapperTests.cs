using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.Core.Tests.Agent;

public sealed class PolicyInputMapperTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Map_PartitionsCapParallelism_UsefulParallelismIsUnitsPerConsumer()
    {
        var input = PolicyInputMapper.Map(Collection(units: 12, capParallelism: true), [], consumersPerPod: 2, PipelineState.Initial, At, TimeSpan.FromSeconds(5));

        Assert.Equal(6, input.UsefulParallelism);
    }

    [Fact]
    public void Map_QueueWithCompetingConsumers_UsefulParallelismIsUnbounded()
    {
        var input = PolicyInputMapper.Map(Collection(units: 1, capParallelism: false), [], consumersPerPod: 1, PipelineState.Initial, At, TimeSpan.FromSeconds(5));

        Assert.Equal(int.MaxValue, input.UsefulParallelism);
        Assert.Equal(5000, input.BacklogMessages);
    }

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
