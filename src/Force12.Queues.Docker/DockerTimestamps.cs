using System.Globalization;

namespace Force12.Queues.Docker;

/// <summary>Parses Docker's RFC 3339 timestamps, which carry nanoseconds (9 digits) that .NET does not parse.</summary>
internal static class DockerTimestamps
{
    /// <summary>The time, or <c>null</c> for empty, unparsable, or Docker's zero time (<c>0001-01-01T00:00:00Z</c>).</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            // Keep at most 7 fractional digits (100 ns ticks).
            var digits = Math.Min(end - dot - 1, 7);
            text = string.Concat(text.AsSpan(0, dot + 1 + digits), text.AsSpan(end));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) && value.Year > 1
            ? value.ToUniversalTime()
            : null;
    }
}
