using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Simulation.Tests.Traces;

public sealed class TraceTests
{
    [Theory]
    [InlineData(0, 1_666.6, 1_700)]     // heartbeats only, 10 min before dusk
    [InlineData(600, 6_000, 6_200)]     // dusk: + 100,000 x 10 / (90 s x sqrt(2 pi))
    [InlineData(1_800, 1_666.6, 1_700)]
    public void DuskSpike_RateAt_HeartbeatsPlusSwitchOns(double seconds, double low, double high)
    {
        Assert.InRange(new DuskSpikeTrace().RateAt(seconds), low, high);
    }

    [Fact]
    public void DuskSpike_SwitchOns_AddUpToTenMessagesPerBulb()
    {
        var trace = new DuskSpikeTrace();
        var extra = Enumerable.Range(0, 1_800).Sum(s => trace.RateAt(s) - (100_000 / 60.0));

        Assert.InRange(extra, 999_000, 1_000_001);
    }

    [Fact]
    public void RandomDemand_EveryThreeSeconds_MovesAtMostThreePodsAndStaysInRange()
    {
        var trace = new RandomDemandTrace(new SplitMixRandomSource(3), TimeSpan.FromMinutes(30), podThroughput: 100);
        var pods = Enumerable.Range(0, 600).Select(i => trace.RateAt(i * 3) / 100).ToArray();

        Assert.All(pods.Zip(pods.Skip(1)), p => Assert.InRange(p.Second - p.First, -3, 3));
        Assert.All(pods, p => Assert.InRange(p, 0, 40));
        Assert.True(pods.Distinct().Count() > 10, "the demand should wander");
    }

    [Fact]
    public void RandomDemand_SameSeed_SameTrace()
    {
        var a = new RandomDemandTrace(new SplitMixRandomSource(9), TimeSpan.FromMinutes(5), 100);
        var b = new RandomDemandTrace(new SplitMixRandomSource(9), TimeSpan.FromMinutes(5), 100);

        Assert.Equal(Enumerable.Range(0, 300).Select(s => a.RateAt(s)), Enumerable.Range(0, 300).Select(s => b.RateAt(s)));
    }

    [Theory]
    [InlineData(0, 1_000)]
    [InlineData(300, 5_000)]
    [InlineData(419, 5_000)]
    [InlineData(420, 1_000)]
    [InlineData(900, 5_000)]
    public void StepBurst_RateAt_BurstsOnSchedule(double seconds, double expected)
    {
        Assert.Equal(expected, new StepBurstTrace().RateAt(seconds));
    }

    [Theory]
    [InlineData(0, 500)]
    [InlineData(1_800, 5_000)]
    [InlineData(3_600, 500)]
    public void Diurnal_RateAt_NightToMiddayToNight(double seconds, double expected)
    {
        Assert.Equal(expected, new DiurnalTrace().RateAt(seconds), 6);
    }

    [Fact]
    public void Csv_Parse_InterpolatesBetweenRowsAndEndsAtLastRow()
    {
        var trace = CsvTrace.Parse(new StringReader("seconds,rate\n# warm-up\n0,100\n10,300\n\n20,300\n"), "t.csv");

        Assert.Equal(100, trace.RateAt(0));
        Assert.Equal(200, trace.RateAt(5));
        Assert.Equal(300, trace.RateAt(15));
        Assert.Equal(TimeSpan.FromSeconds(20), trace.Duration);
    }

    [Theory]
    [InlineData("0,100\n5,abc\n", "t.csv line 2: expected 'seconds,messagesPerSecond' but found '5,abc'.")]
    [InlineData("0,100\n0,200\n", "t.csv line 2: seconds must increase and both values must be >= 0 (found '0,200').")]
    [InlineData("0,100\n5,-1\n", "t.csv line 2: seconds must increase and both values must be >= 0 (found '5,-1').")]
    [InlineData("0,100\n", "t.csv: needs at least two 'seconds,messagesPerSecond' rows.")]
    public void Csv_Parse_BadRows_NameTheLine(string text, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => CsvTrace.Parse(new StringReader(text), "t.csv"));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Catalog_UnknownName_ListsTheBuiltInTraces()
    {
        var ex = Assert.Throws<ArgumentException>(() => TraceCatalog.Create("sunrise", new TraceContext(new SplitMixRandomSource(1), 100, null)));

        Assert.StartsWith("Unknown trace 'sunrise'. Built-in traces: dusk, random, steps, diurnal, dusk-week; or a path ending in .csv.", ex.Message, StringComparison.Ordinal);
    }
}
