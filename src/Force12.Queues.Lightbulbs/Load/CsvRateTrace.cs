using System.Globalization;

namespace Force12.Queues.Lightbulbs.Load;

/// <summary>
/// Reads a demand trace from CSV: one <c>seconds,rate</c> row per point (seconds since the start, events per
/// second), in increasing time order. A header row, blank lines and lines starting with '#' are ignored.
/// </summary>
public static class CsvRateTrace
{
    /// <summary>Parses a trace; the run lasts until the last point unless <paramref name="duration"/> is given.</summary>
    /// <exception cref="FormatException">A row is not two numbers; the message names the line.</exception>
    public static PiecewiseRate Parse(TextReader reader, bool linear = true, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var points = new List<RatePoint>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var cells = text.Split(',');
            if (cells.Length < 2 || !TryNumber(cells[0], out var seconds) || !TryNumber(cells[1], out var rate))
            {
                if (points.Count == 0 && lineNumber == 1)
                {
                    continue; // header row
                }

                throw new FormatException($"Trace line {lineNumber}: expected 'seconds,rate' with two numbers, got '{text}'.");
            }

            if (seconds < 0 || rate < 0 || (points.Count > 0 && seconds <= points[^1].At.TotalSeconds))
            {
                throw new FormatException($"Trace line {lineNumber}: time must increase and rate must be 0 or more, got '{text}'.");
            }

            points.Add(new RatePoint(TimeSpan.FromSeconds(seconds), rate));
        }

        if (points.Count == 0)
        {
            throw new FormatException("The trace has no 'seconds,rate' rows.");
        }

        var length = duration ?? (points[^1].At > TimeSpan.Zero ? points[^1].At : null);
        return new PiecewiseRate(points, linear, length, name: "trace");
    }

    private static bool TryNumber(string cell, out double value) =>
        double.TryParse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
