using Force12.Queues.Core.Lag;

namespace Force12.Queues.Core.Tests.Lag;

public sealed class OffsetTimeTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static OffsetTimeTable Table(params (long Offset, double Seconds)[] points)
    {
        var table = new OffsetTimeTable();
        foreach (var (offset, seconds) in points)
        {
            table.Add(offset, T0.AddSeconds(seconds));
        }

        return table;
    }

    [Theory]
    [InlineData(100, 100)]  // exactly the first point: written at t=0
    [InlineData(150, 95)]   // half way through 0..10 s: written at t=5, now is 100
    [InlineData(200, 90)]   // at the second point
    [InlineData(250, 85)]   // half way through 10..20 s
    [InlineData(50, 105)]   // before the table: extrapolated along the overall slope (10 msg/s)
    [InlineData(300, 80)]   // at the newest log end
    public void EstimateAgeSeconds_Table_InterpolatesBetweenSurroundingPoints(long offset, double expectedAge)
    {
        var table = Table((100, 0), (200, 10), (300, 20));

        var age = table.EstimateAgeSeconds(offset, T0.AddSeconds(100));

        Assert.NotNull(age);
        Assert.Equal(expectedAge, age.Value, 6);
    }

    [Fact]
    public void Add_FlatRun_KeepsOnlyItsFirstAndLastPoint()
    {
        var table = Table((100, 0), (100, 10), (100, 20), (100, 30), (200, 40));

        Assert.Equal([(100L, T0), (100L, T0.AddSeconds(30)), (200L, T0.AddSeconds(40))], table.Points);
    }

    [Fact]
    public void EstimateAgeSeconds_AfterFlatRun_UsesTheRunsLastPoint()
    {
        // Offsets 100..199 were written between t=30 (end of the idle run) and t=40.
        var table = Table((100, 0), (100, 10), (100, 20), (100, 30), (200, 40));

        var age = table.EstimateAgeSeconds(150, T0.AddSeconds(50));

        Assert.Equal(15, age!.Value, 6);
    }

    [Fact]
    public void EstimateAgeSeconds_OnlyFlatPoints_IsUnknownNotZero()
    {
        var table = Table((100, 0), (100, 10));

        Assert.Null(table.EstimateAgeSeconds(50, T0.AddSeconds(20)));
    }

    [Fact]
    public void EstimateAgeSeconds_SinglePoint_IsUnknown()
    {
        Assert.Null(Table((100, 0)).EstimateAgeSeconds(50, T0.AddSeconds(20)));
    }

    [Fact]
    public void Add_BeyondCapacity_DropsTheOldestPoint()
    {
        var table = new OffsetTimeTable(capacity: 3);
        for (var i = 0; i < 5; i++)
        {
            table.Add(i * 10, T0.AddSeconds(i));
        }

        Assert.Equal([20L, 30L, 40L], table.Points.Select(p => p.Offset));
    }

    [Fact]
    public void Add_LogEndGoesBackwards_StartsAFreshTable()
    {
        var table = Table((100, 0), (200, 10), (5, 20));

        Assert.Equal([(5L, T0.AddSeconds(20))], table.Points);
    }

    [Fact]
    public void EstimateAgeSeconds_FutureEstimate_IsClampedToZero()
    {
        var table = Table((100, 0), (200, 10));

        Assert.Equal(0, table.EstimateAgeSeconds(200, T0.AddSeconds(5)));
    }

    [Fact]
    public void Constructor_CapacityBelowTwo_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new OffsetTimeTable(1));

        Assert.Equal("capacity", error.ParamName);
    }
}
