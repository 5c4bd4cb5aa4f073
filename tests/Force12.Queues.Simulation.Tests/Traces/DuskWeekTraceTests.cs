using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Simulation.Tests.Traces;

public sealed class DuskWeekTraceTests
{
    private const double Day = 86_400;

    [Fact]
    public void DuskTimes_EveryDay_WithinTwentyMinutesOf1700AndNotAllEqual()
    {
        var trace = new DuskWeekTrace(new SplitMixRandomSource(1));

        Assert.Equal(7, trace.DuskTimes.Count);
        Assert.All(trace.DuskTimes.Select((t, day) => t - (day * Day) - (17 * 3600)), offset => Assert.InRange(offset, -1_200, 1_200));
        Assert.True(trace.DuskTimes.Select((t, day) => t - (day * Day)).Distinct().Count() == 7, "dusk should move from day to day");
    }

    [Fact]
    public void RateAt_Weekend_SpikeLighterThanWeekdays()
    {
        var trace = new DuskWeekTrace(new SplitMixRandomSource(1));
        double Peak(int day) => trace.RateAt(trace.DuskTimes[day]);

        var weekdays = Enumerable.Range(0, 5).Select(Peak).ToArray();
        var weekend = Enumerable.Range(5, 2).Select(Peak).ToArray();

        Assert.True(weekend.Max() < weekdays.Min(), $"weekday peaks {string.Join(", ", weekdays.Select(p => p.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}; weekend {string.Join(", ", weekend.Select(p => p.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}");
        Assert.InRange(trace.RateAt(3 * Day + (6 * 3600)), 1_666, 1_667);
    }

    [Fact]
    public void Constructor_SameSeed_SameWeek()
    {
        var a = new DuskWeekTrace(new SplitMixRandomSource(5));
        var b = new DuskWeekTrace(new SplitMixRandomSource(5));

        Assert.Equal(a.DuskTimes, b.DuskTimes);
        Assert.Equal(a.RateAt(200_000), b.RateAt(200_000));
    }
}
