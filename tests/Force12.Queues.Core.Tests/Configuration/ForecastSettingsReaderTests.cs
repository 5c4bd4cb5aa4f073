using Force12.Queues.Core.Forecasting;

namespace Force12.Queues.Core.Tests.Configuration;

public sealed class ForecastSettingsReaderTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "mode", "always", "pipelines.bulbs.forecast.mode: must be one of off, shadow, on (was 'always')" },
        { "season", "yearly", "pipelines.bulbs.forecast.season: must be one of daily, daily-weekly (was 'yearly')" },
        { "bucket", "7m", "pipelines.bulbs.forecast.bucket: must be at least 1 s and divide a day evenly (was 7m)" },
        { "margin", "soon", "pipelines.bulbs.forecast.margin: 'soon' is not a duration (use a number with ms, s, m or h, for example 10s)" },
        { "latitude", "91", "pipelines.bulbs.forecast.longitude: latitude and longitude must be given together" },
        { "leed", "1m", "pipelines.bulbs.forecast.leed: unknown setting (known here: mode, season, bucket, lead, margin, latitude, longitude, historyFile)" },
    };

    [Fact]
    public void Read_NoForecastSection_ForecastIsOff()
    {
        var result = AgentConfigurationReaderTests.Read(AgentConfigurationReaderTests.ValidSettings);

        Assert.Same(ForecastOptions.Disabled, result.Configuration!.Pipelines[0].Forecast);
    }

    [Fact]
    public void Read_FullForecastSection_ReturnsEveryField()
    {
        var result = AgentConfigurationReaderTests.Read(new Dictionary<string, string?>(AgentConfigurationReaderTests.ValidSettings)
        {
            ["pipelines:bulbs:forecast:mode"] = "shadow",
            ["pipelines:bulbs:forecast:season"] = "daily",
            ["pipelines:bulbs:forecast:bucket"] = "5m",
            ["pipelines:bulbs:forecast:lead"] = "45s",
            ["pipelines:bulbs:forecast:margin"] = "10s",
            ["pipelines:bulbs:forecast:latitude"] = "51.5",
            ["pipelines:bulbs:forecast:longitude"] = "-0.13",
            ["pipelines:bulbs:forecast:historyFile"] = "/var/lib/force12/bulbs.history",
        });

        Assert.Empty(result.Errors);
        var forecast = result.Configuration!.Pipelines[0].Forecast;
        Assert.Equal(ForecastMode.Shadow, forecast.Mode);
        Assert.Equal(ForecastSeason.Daily, forecast.Season);
        Assert.Equal(TimeSpan.FromMinutes(5), forecast.Bucket);
        Assert.Equal(TimeSpan.FromSeconds(45), forecast.Lead);
        Assert.Equal(TimeSpan.FromSeconds(10), forecast.Margin);
        Assert.Equal(new SunsetHint(51.5, -0.13), forecast.Sunset);
        Assert.Equal("/var/lib/force12/bulbs.history", forecast.HistoryFile);
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Read_BadForecastSetting_ReportsItsPath(string key, string value, string expected)
    {
        var result = AgentConfigurationReaderTests.Read(new Dictionary<string, string?>(AgentConfigurationReaderTests.ValidSettings)
        {
            ["pipelines:bulbs:forecast:mode"] = "on",
            [$"pipelines:bulbs:forecast:{key}"] = value,
        });

        Assert.Contains(expected, result.Errors);
    }

    [Fact]
    public void LeadFor_NoFixedLead_IsMeasuredStartPlusMargin()
    {
        var options = new ForecastOptions { Margin = TimeSpan.FromSeconds(30) };

        Assert.Equal(TimeSpan.FromSeconds(34), options.LeadFor(TimeSpan.FromSeconds(4)));
        Assert.Equal(TimeSpan.FromSeconds(35), options.LeadFor(null));
        Assert.Equal(TimeSpan.FromMinutes(2), (options with { Lead = TimeSpan.FromMinutes(2) }).LeadFor(TimeSpan.FromSeconds(4)));
    }
}
