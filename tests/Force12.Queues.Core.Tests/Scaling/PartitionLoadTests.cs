using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Tests.Scaling;

public sealed class PartitionLoadTests
{
    [Fact]
    public void From_Partitions_SumsAndSetsHotOnesApart()
    {
        // SLA 10 s, 100 msg/s per pod: a partition is hot when backlog / 10 + arrivals > 100.
        // Nine partitions: the vectorised part and the scalar tail both see NaN, negative and hot entries.
        double[] backlogs = [100, 2_000, double.NaN, -5, 0, 0, 0, 1_500, double.NaN];
        double[] arrivals = [10, 0, 1, double.NaN, 120, 0, 0, 0, -3];

        var load = PartitionLoad.From(backlogs, arrivals, 10, 100);

        Assert.Equal(new PartitionLoad(3_600, 131, 3, 3_500, 120), load);
    }

    [Theory]
    [InlineData(1_001, 0, true)]        // 100.1 > 100
    [InlineData(1_000, 0, false)]       // exactly one consumer's worth
    [InlineData(500, 50.5, true)]       // 50 + 50.5
    [InlineData(0, 101, true)]          // arrivals alone
    [InlineData(2_000, double.NaN, true)] // unknown rate counts as 0: backlog alone
    [InlineData(-5, -3, false)]
    public void IsHot_OnePartition_AgreesWithFrom(double backlog, double arrival, bool hot)
    {
        var load = PartitionLoad.From([backlog], [arrival], 10, 100);

        Assert.Equal(hot, PartitionLoad.IsHot(backlog, arrival, 10, 100));
        Assert.Equal(hot ? 1 : 0, load.HotUnits);
    }

    [Fact]
    public void From_MismatchedLengths_ThrowsNamingBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => PartitionLoad.From(new double[3], new double[2], 10, 100));

        Assert.StartsWith("backlogs has 3 partitions but arrivalRates has 2.", ex.Message, StringComparison.Ordinal);
    }
}
