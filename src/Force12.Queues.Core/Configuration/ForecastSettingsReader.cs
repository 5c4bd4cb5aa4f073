using Force12.Queues.Core.Forecasting;
using Microsoft.Extensions.Configuration;

namespace Force12.Queues.Core.Configuration;

/// <summary>Reads a pipeline's <c>forecast</c> section into <see cref="ForecastOptions"/>; every error names its path.</summary>
internal static class ForecastSettingsReader
{
    /// <summary>The pipeline's forecast settings, <see cref="ForecastOptions.Disabled"/> without a section.</summary>
    public static ForecastOptions Read(SectionReader pipeline)
    {
        var section = pipeline.Child(ForecastKeys.Section);
        if (!section.Section.Exists())
        {
            return ForecastOptions.Disabled;
        }

        section.RejectUnknown(ForecastKeys.All);
        var defaults = new ForecastOptions();
        var options = new ForecastOptions
        {
            Mode = OneOf(section, ForecastKeys.Mode, ForecastKeys.Modes, "off") switch
            {
                "shadow" => ForecastMode.Shadow,
                "on" => ForecastMode.On,
                _ => ForecastMode.Off,
            },
            Season = OneOf(section, ForecastKeys.Season, ForecastKeys.Seasons, "daily-weekly") == "daily" ? ForecastSeason.Daily : ForecastSeason.DailyAndWeekly,
            Bucket = section.Duration(ForecastKeys.Bucket, defaults.Bucket, positive: true),
            Lead = section.Has(ForecastKeys.Lead) ? section.Duration(ForecastKeys.Lead, TimeSpan.Zero) : null,
            Margin = section.Duration(ForecastKeys.Margin, defaults.Margin),
            Latitude = section.Number(ForecastKeys.Latitude, null),
            Longitude = section.Number(ForecastKeys.Longitude, null),
            HistoryFile = section.Text(ForecastKeys.HistoryFile),
        };
        foreach (var (field, message) in ForecastOptionsValidator.Validate(options))
        {
            section.Fail(field, message);
        }

        return options;
    }

    private static string OneOf(SectionReader section, string key, IReadOnlyList<string> allowed, string fallback)
    {
        var value = section.Text(key, fallback: fallback) ?? fallback;
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            section.Fail(key, $"must be one of {string.Join(", ", allowed)} (was '{value}')");
            return fallback;
        }

        return value;
    }
}
