using Force12.Queues.Core.Lag;

namespace Force12.Queues.Core.Tests.Lag;

public sealed class LagTotalsTests
{
    private static LagUnitSnapshot Unit(long lag, double? seconds, double? arrival, LagUnitStatus status = LagUnitStatus.Ok) => new()
    {
        Id = new LagUnitId("t", "0"),
        Lag = lag,
        LagSeconds = seconds,
        ArrivalRate = arrival,
        Status = status,
    };

    [Fact]
    public void Sum_MixedKnownAndUnknown_SkipsUnknownsInsteadOfCountingZero()
    {
        var totals = LagTotals.Sum([Unit(10, 4, 2), Unit(5, null, null, LagUnitStatus.Stalled), Unit(0, 9, double.NaN)]);

        Assert.Equal(15, totals.Lag);
        Assert.Equal(9, totals.MaxLagSeconds);
        Assert.Equal(2, totals.ArrivalRate);
        Assert.Null(totals.ProcessingRate);
        Assert.Equal(3, totals.Units);
        Assert.Equal(1, totals.StalledUnits);
    }

    [Fact]
    public void Sum_HugeLags_SaturatesInsteadOfOverflowing()
    {
        var totals = LagTotals.Sum([Unit(long.MaxValue - 1, null, null), Unit(10, null, null)]);

        Assert.Equal(long.MaxValue, totals.Lag);
        Assert.Null(totals.MaxLagSeconds);
    }
}
