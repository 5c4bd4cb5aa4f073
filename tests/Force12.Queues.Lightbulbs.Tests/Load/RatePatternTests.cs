using Force12.Queues.Lightbulbs.Load;
using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Lightbulbs.Tests.Load;

public sealed class RatePatternTests
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(9.999, 100)]
    [InlineData(10, 500)]
    [InlineData(14.9, 500)]
    [InlineData(15, 100)]
    [InlineData(25, 500)]
    public void StepRate_RepeatingCycle_AlternatesLowAndHigh(double seconds, double expected)
    {
        var rate = StepRate.Create(100, 500, TimeSpan.FromSeconds(10), highFor: TimeSpan.FromSeconds(5), duration: null);

        Assert.Equal(expected, rate.RateAt(TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(3, 40)]
    [InlineData(6, 10)]
    public void DiurnalTrace_WithAPeriod_StartsAtMinPeaksHalfWay(double seconds, double expected)
    {
        var rate = new DiurnalTrace { NightRate = 10, PeakRate = 40, Period = TimeSpan.FromSeconds(6), Duration = null };

        Assert.Equal(expected, rate.RateAt(TimeSpan.FromSeconds(seconds)), precision: 9);
    }

    [Fact]
    public void DuskSpikeBurst_BaselineOutsideTheWindow_PeakInItsMiddle_OneMessagePerBulb()
    {
        var rate = DuskSpikeTrace.Burst(5, 1000, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(4), duration: null);

        Assert.Equal(5, rate.RateAt(TimeSpan.FromSeconds(8)), precision: 6);
        Assert.Equal(5 + (1000 / (0.5 * Math.Sqrt(2 * Math.PI))), rate.RateAt(TimeSpan.FromSeconds(12)), precision: 9);
        Assert.Equal(5, rate.RateAt(TimeSpan.FromSeconds(16)), precision: 6);
        var extra = Enumerable.Range(0, 8_000).Sum(ms => (rate.RateAt(TimeSpan.FromSeconds(8 + (ms / 1000.0))) - 5) / 1000);
        Assert.Equal(1000, extra, precision: 3);
    }

    [Fact]
    public void RandomWalkRate_SameSeed_SameWalkWithinBounds()
    {
        RandomWalkRate Walk() => new(100, 50, 200, TimeSpan.FromSeconds(1), 0.5, new SplitMixRandomSource(7).NextDouble, duration: null);
        var (first, second) = (Walk(), Walk());

        var rates = Enumerable.Range(0, 200).Select(s => first.RateAt(TimeSpan.FromSeconds(s))).ToArray();

        Assert.Equal(rates, Enumerable.Range(0, 200).Select(s => second.RateAt(TimeSpan.FromSeconds(s))));
        Assert.All(rates, r => Assert.InRange(r, 50, 200));
        Assert.True(rates.Distinct().Count() > 100, "the walk should move");
    }

    [Fact]
    public void CsvTrace_WithHeaderAndComments_InterpolatesLinearlyAndEndsAtTheLastPoint()
    {
        var trace = CsvTrace.Parse(new StringReader("seconds,rate\n# dusk\n0,100\n10,300\n\n20,300\n"), "trace.csv");

        Assert.Equal(200, trace.RateAt(TimeSpan.FromSeconds(5)), precision: 9);
        Assert.Equal(300, trace.RateAt(TimeSpan.FromSeconds(15)));
        Assert.Equal(TimeSpan.FromSeconds(20), trace.Duration);
    }

    [Theory]
    [InlineData("0,100\n0,200\n", "line 2")]
    [InlineData("0,100\n5,abc\n", "line 2")]
    [InlineData("0,-1\n", "line 1")]
    [InlineData("seconds,rate\n", "needs at least two 'seconds,messagesPerSecond' rows")]
    public void CsvTrace_BadRows_ThrowNamingTheLine(string csv, string expected)
    {
        var error = Assert.Throws<FormatException>(() => CsvTrace.Parse(new StringReader(csv), "trace.csv"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConstantRate_Negative_ThrowsNamingTheParameter()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantRate(-1, duration: null));

        Assert.Equal("perSecond", error.ParamName);
    }

    [Fact]
    public void RatePatternFactory_SimulatorStepsTrace_FollowsTheSimulatorsShape()
    {
        var errors = new List<string>();

        var rate = RatePatternFactory.Create(new RatePatternSpec { Pattern = "sim:steps" }, errors);

        Assert.Empty(errors);
        Assert.NotNull(rate);
        Assert.Equal(1000, rate.RateAt(TimeSpan.FromMinutes(1)));
        Assert.Equal(5000, rate.RateAt(TimeSpan.FromMinutes(6)));
        Assert.Equal(TimeSpan.FromMinutes(30), rate.Duration);
    }

    [Fact]
    public void RatePatternFactory_UnknownSimulatorTraceAndBadRate_ReportsBoth()
    {
        var errors = new List<string>();

        var rate = RatePatternFactory.Create(new RatePatternSpec { Pattern = "sim:nope", Rate = -1 }, errors);

        Assert.Null(rate);
        Assert.Contains(errors, e => e.StartsWith("--rate must be", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--pattern 'sim:nope': no simulator trace 'nope' (known: ", StringComparison.Ordinal));
    }
}
