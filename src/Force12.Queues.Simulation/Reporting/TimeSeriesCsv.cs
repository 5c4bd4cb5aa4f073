using System.Globalization;

namespace Force12.Queues.Simulation.Reporting;

/// <summary>Writes a run's time series as CSV: <c>policy,pipeline,seconds,arrivalRate,backlog,pods</c>.</summary>
public static class TimeSeriesCsv
{
    /// <summary>Writes a header line, then one line per sample (invariant culture).</summary>
    public static void Write(TextWriter writer, IEnumerable<TimeSeriesPoint> series)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(series);
        writer.WriteLine("policy,pipeline,seconds,arrivalRate,backlog,pods");
        foreach (var p in series)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Policy},{p.Pipeline},{p.Seconds:0.###},{p.ArrivalRate:0.#},{p.Backlog:0.#},{p.Pods}"));
        }
    }
}
