using System.Globalization;
using System.Text;

namespace Force12.Queues.Simulation.Reporting;

/// <summary>
/// Draws one pipeline's run as a plain SVG: demand, pods and backlog over time, one line per strategy,
/// in three panels sharing the time axis. No dependencies; readable in any browser or on GitHub.
/// </summary>
public static class SvgChart
{
    private const int Width = 960;
    private const int PanelHeight = 200;
    private const int Left = 80;
    private const int Right = 160;
    private const int Top = 70;
    private const int Gap = 50;
    private static readonly string[] Colors = ["#d62728", "#1f77b4", "#7f7f7f", "#2ca02c", "#9467bd", "#ff7f0e"];

    /// <summary>Writes the chart of <paramref name="pipeline"/> to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, SimulationReport report, string pipeline, string title)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var policies = report.Results.Select(r => r.Policy).ToList();
        var lines = policies.ToDictionary(p => p, p => report.Series.Where(s => s.Policy == p && s.Pipeline == pipeline).ToList());
        var height = Top + (3 * (PanelHeight + Gap));
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Inv($"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>\n<text x=\"{Left}\" y=\"28\" font-size=\"16\">{Escape(title)}</text>\n"));
        var demand = new Dictionary<string, List<TimeSeriesPoint>> { ["arrivals"] = lines[policies[0]] };
        Panel(svg, 0, "demand (msg/s)", demand, p => p.ArrivalRate, report.DurationSeconds, policies);
        Panel(svg, 1, "pods (starting or ready)", lines, p => p.Pods, report.DurationSeconds, policies);
        Panel(svg, 2, "backlog (msgs)", lines, p => p.Backlog, report.DurationSeconds, policies);
        svg.Append("</svg>\n");
        writer.Write(svg.ToString());
    }

    private static void Panel(StringBuilder svg, int index, string label, Dictionary<string, List<TimeSeriesPoint>> lines, Func<TimeSeriesPoint, double> value, double duration, List<string> policies)
    {
        var top = Top + (index * (PanelHeight + Gap));
        var plotWidth = Width - Left - Right;
        var max = Math.Max(1, lines.Values.SelectMany(l => l).Select(value).DefaultIfEmpty(1).Max()) * 1.05; // headroom keeps a flat maximum off the frame
        svg.Append(Inv($"<text x=\"{Left}\" y=\"{top - 8}\" font-weight=\"bold\">{label}</text>\n"));
        svg.Append(Inv($"<rect x=\"{Left}\" y=\"{top}\" width=\"{plotWidth}\" height=\"{PanelHeight}\" fill=\"none\" stroke=\"#999\"/>\n"));
        svg.Append(Inv($"<text x=\"{Left - 6}\" y=\"{top + 10}\" text-anchor=\"end\">{max:N0}</text><text x=\"{Left - 6}\" y=\"{top + PanelHeight}\" text-anchor=\"end\">0</text>\n"));
        var step = TickMinutes(duration);
        for (var minute = 0; minute <= duration / 60; minute += step)
        {
            var x = Left + (plotWidth * minute * 60 / duration);
            var text = step < 60 ? Inv($"{minute} min") : Inv($"{minute / 60} h");
            svg.Append(Inv($"<text x=\"{x:0.#}\" y=\"{top + PanelHeight + 14}\" text-anchor=\"middle\">{text}</text>\n"));
        }

        foreach (var (policy, points) in lines)
        {
            var color = ColorOf(policy, policies);
            var path = string.Join(" ", Envelope(points, value, duration, plotWidth).Select(p => Inv($"{Left + (plotWidth * p.Seconds / duration):0.#},{top + PanelHeight - (PanelHeight * value(p) / max):0.#}")));
            svg.Append(Inv($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" points=\"{path}\"/>\n"));
        }

        var legendY = top + 14;
        foreach (var policy in lines.Keys)
        {
            var color = ColorOf(policy, policies);
            svg.Append(Inv($"<rect x=\"{Width - Right + 12}\" y=\"{legendY - 9}\" width=\"12\" height=\"3\" fill=\"{color}\"/><text x=\"{Width - Right + 30}\" y=\"{legendY}\">{Escape(policy)}</text>\n"));
            legendY += 16;
        }
    }

    /// <summary>Label spacing in minutes: 5 for runs up to an hour, then coarser so at most about a dozen labels fit.</summary>
    private static int TickMinutes(double duration)
    {
        int[] steps = [5, 10, 30, 60, 120, 360, 720, 1_440];
        return steps.FirstOrDefault(s => duration / 60 / s <= 12, steps[^1]);
    }

    /// <summary>
    /// At most two points per pixel column (the lowest and the highest, in time order), so a week of samples stays a
    /// small file and short spikes stay visible; short runs keep every point.
    /// </summary>
    private static IEnumerable<TimeSeriesPoint> Envelope(List<TimeSeriesPoint> points, Func<TimeSeriesPoint, double> value, double duration, int plotWidth)
    {
        if (points.Count <= 2 * plotWidth)
        {
            return points;
        }

        return points
            .GroupBy(p => (int)(plotWidth * p.Seconds / duration))
            .SelectMany(column =>
            {
                var low = column.MinBy(value)!;
                var high = column.MaxBy(value)!;
                return low.Seconds <= high.Seconds ? new[] { low, high } : new[] { high, low };
            });
    }

    private static string ColorOf(string line, List<string> policies)
    {
        var index = policies.IndexOf(line);
        return index < 0 ? "#000000" : Colors[index % Colors.Length];
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
