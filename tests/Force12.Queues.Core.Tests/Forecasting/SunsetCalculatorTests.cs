using Force12.Queues.Core.Forecasting;

namespace Force12.Queues.Core.Tests.Forecasting;

/// <summary>Sunset times against published ones (timeanddate.com / NOAA solar calculator, to the minute).</summary>
public sealed class SunsetCalculatorTests
{
    [Theory]
    [InlineData("London summer solstice", 51.5074, -0.1278, "2024-06-21", "2024-06-21T20:21:00Z")]
    [InlineData("London winter solstice", 51.5074, -0.1278, "2024-12-21", "2024-12-21T15:53:00Z")]
    [InlineData("New York summer solstice (next UTC day)", 40.7128, -74.0060, "2024-06-21", "2024-06-22T00:31:00Z")]
    [InlineData("New York winter solstice", 40.7128, -74.0060, "2024-12-21", "2024-12-21T21:32:00Z")]
    [InlineData("Sydney summer solstice", -33.8688, 151.2093, "2024-12-21", "2024-12-21T09:05:00Z")]
    public void SunsetUtc_KnownPlaceAndDay_WithinTwoMinutesOfPublishedTime(string place, double latitude, double longitude, string date, string expected)
    {
        var sunset = SunsetCalculator.SunsetUtc(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), new SunsetHint(latitude, longitude));

        Assert.NotNull(sunset);
        var error = Math.Abs((sunset.Value - DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)).TotalMinutes);
        Assert.True(error <= 2, $"{place}: computed {sunset.Value:u}, published {expected} ({error:0.0} min apart)");
    }

    [Fact]
    public void SunsetUtc_PolarNight_IsNull()
    {
        Assert.Null(SunsetCalculator.SunsetUtc(new DateOnly(2024, 12, 21), new SunsetHint(78.22, 15.65)));
    }

    [Fact]
    public void SlotOf_WithSunsetHint_SunsetKeepsItsSlotAcrossTheYear()
    {
        var hint = new SunsetHint(51.5074, -0.1278);
        var calendar = new SeasonCalendar(TimeSpan.FromMinutes(1), hint);
        var june = SunsetCalculator.SunsetUtc(new DateOnly(2024, 6, 21), hint)!.Value;
        var december = SunsetCalculator.SunsetUtc(new DateOnly(2024, 12, 21), hint)!.Value;

        Assert.Equal(calendar.SlotsPerDay / 2, calendar.SlotOf(june).Daily);
        Assert.Equal(calendar.SlotsPerDay / 2, calendar.SlotOf(december).Daily);
        Assert.Equal(calendar.SlotsPerDay / 2, calendar.SlotOf(december.AddSeconds(30)).Daily);
    }
}
