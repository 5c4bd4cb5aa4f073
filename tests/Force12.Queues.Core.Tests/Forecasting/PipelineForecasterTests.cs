using Force12.Queues.Core.Forecasting;

namespace Force12.Queues.Core.Tests.Forecasting;

public sealed class PipelineForecasterTests
{
    [Fact]
    public void RateAhead_AfterOneDayWithASpike_ForecastsTheSpikeBeforeItArrives()
    {
        var forecaster = Feed(new SyntheticSeries { TimeJitterSeconds = 0, SizeJitter = 0 }, days: 1, out _);
        var beforeSpike = SyntheticSeries.Start.AddDays(1).AddHours(18).AddMinutes(-2);

        var ahead = forecaster.RateAhead(beforeSpike, TimeSpan.FromMinutes(2));
        var quiet = forecaster.RateAhead(SyntheticSeries.Start.AddDays(1).AddHours(6), TimeSpan.FromMinutes(2));

        Assert.NotNull(ahead);
        Assert.InRange(ahead.Value, 3_600, 4_100);
        Assert.InRange(quiet!.Value, 950, 1_050);
    }

    [Fact]
    public void RateAhead_BeforeAnyHistory_IsNull()
    {
        var forecaster = new PipelineForecaster(new ForecastOptions { Mode = ForecastMode.On });

        Assert.Null(forecaster.RateAhead(SyntheticSeries.Start, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Accuracy_JitteredDailySpike_MapeFallsByDay3()
    {
        Feed(new SyntheticSeries(), days: 5, out var points);
        var mapeByDay = points
            .Where(p => p.AbsolutePercentageError is not null)
            .GroupBy(p => (int)(p.Start - SyntheticSeries.Start).TotalDays)
            .ToDictionary(g => g.Key, g => 100 * g.Average(p => p.AbsolutePercentageError!.Value));

        Assert.False(mapeByDay.ContainsKey(0), "no forecast is possible on the first day");
        Assert.True(mapeByDay[2] <= 10, $"day 3 MAPE {mapeByDay[2]:0.00}%");
        Assert.True(mapeByDay[4] <= mapeByDay[1], $"MAPE by day: {string.Join(", ", mapeByDay.Select(d => $"{d.Key + 1}: {d.Value:0.00}%"))}");
    }

    [Fact]
    public void Accuracy_SpikeBuckets_ErrorFallsAsDaysAreAveraged()
    {
        Feed(new SyntheticSeries(), days: 6, out var points);
        double SpikeMape(int day) => 100 * points
            .Where(p => (int)(p.Start - SyntheticSeries.Start).TotalDays == day && p.Actual > 1_500)
            .Average(p => p.AbsolutePercentageError!.Value);

        Assert.True(SpikeMape(4) < SpikeMape(1), $"spike MAPE day 2 {SpikeMape(1):0.0}%, day 5 {SpikeMape(4):0.0}%");
    }

    [Fact]
    public void RateAhead_LighterWeekends_WeeklyCycleLearnsThemInTheThirdWeek()
    {
        var series = new SyntheticSeries { WeekendFactor = 0.3, TimeJitterSeconds = 0, SizeJitter = 0 };
        var weekly = Feed(series, days: 19, out _);
        var dailyOnly = Feed(series, days: 19, out _, ForecastSeason.Daily);
        var saturdaySpike = SyntheticSeries.Start.AddDays(19).AddHours(18);
        var actual = series.Baseline + (series.SpikePeak * series.WeekendFactor);

        var withWeeks = weekly.RateAhead(saturdaySpike, TimeSpan.Zero)!.Value;
        var withoutWeeks = dailyOnly.RateAhead(saturdaySpike, TimeSpan.Zero)!.Value;

        Assert.True(Math.Abs(withWeeks - actual) < Math.Abs(withoutWeeks - actual) / 2, $"Saturday spike {actual:0}/s: weekly model {withWeeks:0}/s, daily model {withoutWeeks:0}/s");
    }

    [Fact]
    public void RateAhead_GrowingBaseline_FollowsTheTrend()
    {
        var forecaster = Feed(new SyntheticSeries { SpikePeak = 0, TrendPerDay = 100 }, days: 6, out _);

        var forecast = forecaster.RateAhead(SyntheticSeries.Start.AddDays(6), TimeSpan.Zero)!.Value;

        Assert.InRange(forecast, 1_570, 1_630);
    }

    private static PipelineForecaster Feed(SyntheticSeries series, int days, out List<ForecastPoint> points, ForecastSeason season = ForecastSeason.DailyAndWeekly)
    {
        var forecaster = new PipelineForecaster(new ForecastOptions { Mode = ForecastMode.On, Season = season });
        points = [];
        foreach (var (at, rate) in series.Samples(days))
        {
            if (forecaster.Observe(at, rate, 10) is { } point)
            {
                points.Add(point);
            }
        }

        return forecaster;
    }
}
