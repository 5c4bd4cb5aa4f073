using System.Globalization;

namespace Force12.Queues.Core.Configuration;

/// <summary>Parses the units people write in configuration: durations ("500ms", "10s", "2m", "1h") and byte sizes ("256Mi", "1G").</summary>
public static class QuantityParser
{
    private static readonly (string Suffix, double Seconds)[] DurationUnits =
        [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];

    private static readonly (string Suffix, long Bytes)[] SizeUnits =
        [("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30), ("Ti", 1L << 40), ("K", 1_000), ("M", 1_000_000), ("G", 1_000_000_000), ("T", 1_000_000_000_000)];

    /// <summary>
    /// Parses a duration: a non-negative number with a unit <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c>
    /// (for example <c>1.5s</c>), or a .NET time span (<c>00:00:10</c>). A bare number is rejected: the unit must be said.
    /// </summary>
    public static bool TryParseDuration(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
        }

        foreach (var (suffix, seconds) in DurationUnits)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number >= 0 && double.IsFinite(number) && number * seconds <= TimeSpan.MaxValue.TotalSeconds)
            {
                value = TimeSpan.FromSeconds(number * seconds);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Parses a byte size: a non-negative number, optionally with a binary (<c>Ki</c>, <c>Mi</c>, <c>Gi</c>,
    /// <c>Ti</c>) or decimal (<c>K</c>, <c>M</c>, <c>G</c>, <c>T</c>) suffix, as Kubernetes quantities.
    /// </summary>
    public static bool TryParseBytes(string? text, out long value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var multiplier = 1L;
        foreach (var (suffix, bytes) in SizeUnits)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                multiplier = bytes;
                text = text[..^suffix.Length];
                break;
            }
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || number < 0 || !double.IsFinite(number) || number * multiplier > long.MaxValue)
        {
            return false;
        }

        value = (long)Math.Round(number * multiplier);
        return true;
    }

    /// <summary>Writes a duration the way configuration does: <c>2h</c>, <c>5m</c>, <c>10s</c>, <c>1.5s</c>, <c>250ms</c>; negative ones with a minus sign.</summary>
    public static string FormatDuration(TimeSpan value)
    {
        var sign = value < TimeSpan.Zero ? "-" : "";
        var magnitude = value.Duration();
        var text = magnitude switch
        {
            { Ticks: 0 } => "0s",
            _ when magnitude.Ticks % TimeSpan.TicksPerHour == 0 => $"{magnitude.TotalHours.ToString(CultureInfo.InvariantCulture)}h",
            _ when magnitude.Ticks % TimeSpan.TicksPerMinute == 0 => $"{magnitude.TotalMinutes.ToString(CultureInfo.InvariantCulture)}m",
            _ when magnitude < TimeSpan.FromSeconds(1) => $"{magnitude.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms",
            _ => $"{magnitude.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s",
        };
        return sign + text;
    }
}
