using System.Globalization;

namespace Force12.Queues.Simulation.Traces;

/// <summary>
/// A trace read from CSV: one <c>seconds,messagesPerSecond</c> pair per line, times increasing, an optional
/// header line, <c>#</c> comments. Rates between points are interpolated linearly; before the first point
/// the first rate holds, after the last point the last; the trace ends at the last point unless given a duration.
/// The one CSV trace reader of the simulator and the load generator.
/// </summary>
public sealed class CsvTrace : IDemandTrace
{
    private readonly double[] _seconds;
    private readonly double[] _rates;

    private CsvTrace(string name, double[] seconds, double[] rates, TimeSpan? duration)
    {
        Name = name;
        _seconds = seconds;
        _rates = rates;
        Duration = duration ?? TimeSpan.FromSeconds(seconds[^1]);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public TimeSpan? Duration { get; }

    /// <summary>Reads a trace; throws <see cref="FormatException"/> naming the line for any bad row.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="name">The trace's name (the file), in messages and reports.</param>
    /// <param name="duration">Length of the run; null ends it at the last point.</param>
    public static CsvTrace Parse(TextReader reader, string name, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var seconds = new List<double>();
        var rates = new List<double>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            if (!TryParseRow(text, out var t, out var r))
            {
                if (seconds.Count == 0 && lineNumber == 1)
                {
                    continue; // header
                }

                throw new FormatException($"{name} line {lineNumber}: expected 'seconds,messagesPerSecond' but found '{text}'.");
            }

            if (t < 0 || r < 0 || !double.IsFinite(t) || !double.IsFinite(r) || (seconds.Count > 0 && t <= seconds[^1]))
            {
                throw new FormatException($"{name} line {lineNumber}: seconds must increase and both values must be >= 0 (found '{text}').");
            }

            seconds.Add(t);
            rates.Add(r);
        }

        if (seconds.Count < 2)
        {
            throw new FormatException($"{name}: needs at least two 'seconds,messagesPerSecond' rows.");
        }

        return new CsvTrace(name, [.. seconds], [.. rates], duration);
    }

    private static bool TryParseRow(string text, out double seconds, out double rate)
    {
        seconds = rate = 0;
        var parts = text.Split(',');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out seconds)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out rate);
    }

    /// <inheritdoc />
    public double RateAt(double seconds)
    {
        var index = Array.BinarySearch(_seconds, seconds);
        if (index >= 0)
        {
            return _rates[index];
        }

        var next = ~index;
        if (next == 0)
        {
            return _rates[0];
        }

        if (next >= _seconds.Length)
        {
            return _rates[^1];
        }

        var fraction = (seconds - _seconds[next - 1]) / (_seconds[next] - _seconds[next - 1]);
        return _rates[next - 1] + (fraction * (_rates[next] - _rates[next - 1]));
    }

    /// <inheritdoc />
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"trace {Name} over {_seconds.Length} points{RateGuard.For(Duration)}");
}
