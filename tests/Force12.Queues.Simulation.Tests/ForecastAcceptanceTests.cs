using Force12.Queues.Simulation.Strategies;
using Xunit.Abstractions;

namespace Force12.Queues.Simulation.Tests;

/// <summary>
/// Issue 18's simulator target on the 7-day dusk trace (seed 1): force12 with forecasts keeps at least 99.99% of messages
/// within the SLA, its forecast MAPE is at most 10% from day 3, and its pod-seconds stay near the oracle's. The target
/// of 1.05x the oracle is not met (1.051x): docs/simulation.md ("7 days of dusk") shows where the extra
/// pod-seconds go; this test holds the figure reached so a regression fails.
/// </summary>
public sealed class ForecastAcceptanceTests(DuskWeekRun run, ITestOutputHelper output) : IClassFixture<DuskWeekRun>
{
    [Fact]
    public void DuskWeek_Force12WithForecasts_MeetsTheSlaFor9999PerTenThousand()
    {
        var result = run.Report.Result("force12-forecast");

        Assert.True(result.WithinSlaPercent >= 99.99, $"force12-forecast within SLA: {result.WithinSlaPercent:0.0000}%");
    }

    [Fact]
    public void DuskWeek_Force12WithForecasts_ForecastMapeFromDay3IsAtMost10Percent()
    {
        var mape = run.Report.Result("force12-forecast").ForecastMapePercent;

        Assert.NotNull(mape);
        Assert.True(mape <= 10, $"forecast MAPE from day 3: {mape:0.00}%");
    }

    [Fact]
    public void DuskWeek_Force12WithForecasts_PodSecondsWithin1055TimesOracle_TargetOf105NotMet()
    {
        var ratio = run.Report.Result("force12-forecast").PodSeconds / run.Report.Result(SimulationRunner.OracleName).PodSeconds;
        output.WriteLine($"force12-forecast / oracle pod-seconds: {ratio:0.0000} (issue 18 target 1.05, not met: see docs/simulation.md)");

        Assert.InRange(ratio, 1.0, 1.055);
    }

    [Fact]
    public void DuskWeek_Forecaster_ForecastsEveryBucketFromTheSecondDay()
    {
        var strategy = run.Strategy;
        var points = strategy.ForecastPoints[0];

        Assert.Equal(7 * 1_440 - 1, points.Count);
        Assert.All(points.Where(p => p.Start < Force12Strategy.Epoch.AddDays(1)), p => Assert.Null(p.Forecast));
        Assert.All(points.Where(p => p.Start >= Force12Strategy.Epoch.AddDays(1)), p => Assert.NotNull(p.Forecast));
    }
}

/// <summary>Runs force12 with forecasts and the oracle once over the 7-day dusk scenario (seed 1); the tests share it.</summary>
public sealed class DuskWeekRun
{
    public DuskWeekRun()
    {
        var options = BuiltInScenarios.DuskWeekOptions(new SimulationOptions { Seed = 1 });
        Strategy = new Force12Strategy(1, options.PollInterval, options.Forecast, options.PodStartLatency);
        Report = SimulationRunner.Run(BuiltInScenarios.DuskWeek(1), options, [Strategy]);
    }

    public Force12Strategy Strategy { get; }

    public SimulationReport Report { get; }
}
