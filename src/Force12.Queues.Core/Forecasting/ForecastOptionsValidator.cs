using System.Globalization;
using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Core.Forecasting;

/// <summary>Checks <see cref="ForecastOptions"/>; returns every problem at once as (field, message) pairs.</summary>
public static class ForecastOptionsValidator
{
    /// <summary>Problems with <paramref name="options"/>, empty when valid. Field names are the configuration keys.</summary>
    public static IReadOnlyList<(string Field, string Message)> Validate(ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<(string, string)>();
        if (options.Bucket < TimeSpan.FromSeconds(1) || TimeSpan.FromDays(1).Ticks % options.Bucket.Ticks != 0)
        {
            errors.Add(("bucket", string.Create(CultureInfo.InvariantCulture, $"must be at least 1 s and divide a day evenly (was {QuantityParser.FormatDuration(options.Bucket)})")));
        }

        if (options.Lead is { } lead && lead < TimeSpan.Zero)
        {
            errors.Add(("lead", string.Create(CultureInfo.InvariantCulture, $"must be >= 0 (was {QuantityParser.FormatDuration(lead)})")));
        }

        if (options.Margin < TimeSpan.Zero)
        {
            errors.Add(("margin", string.Create(CultureInfo.InvariantCulture, $"must be >= 0 (was {QuantityParser.FormatDuration(options.Margin)})")));
        }

        if (options.Latitude.HasValue != options.Longitude.HasValue)
        {
            errors.Add((options.Latitude.HasValue ? "longitude" : "latitude", "latitude and longitude must be given together"));
        }

        if (options.Latitude is { } lat && !(lat >= -90 && lat <= 90))
        {
            errors.Add(("latitude", string.Create(CultureInfo.InvariantCulture, $"must be in [-90, 90] (was {lat})")));
        }

        if (options.Longitude is { } lon && !(lon >= -180 && lon <= 180))
        {
            errors.Add(("longitude", string.Create(CultureInfo.InvariantCulture, $"must be in [-180, 180] (was {lon})")));
        }

        foreach (var (field, value, zeroAllowed) in new[]
        {
            ("levelSmoothing", options.LevelSmoothing, false),
            ("trendSmoothing", options.TrendSmoothing, true),
            ("dailySmoothing", options.DailySmoothing, false),
            ("weeklySmoothing", options.WeeklySmoothing, false),
        })
        {
            if (!((zeroAllowed ? value >= 0 : value > 0) && value <= 1))
            {
                errors.Add((field, string.Create(CultureInfo.InvariantCulture, $"must be in {(zeroAllowed ? "[0" : "(0")}, 1] (was {value})")));
            }
        }

        return errors;
    }
}
