using System.Globalization;
using System.Text;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Agent.Commands;

/// <summary>Writes a lag snapshot as an aligned text table, like <c>kafka-consumer-groups --describe</c>
/// plus age, rates and status. Unknown values print as "-".</summary>
internal static class LagTableWriter
{
    private static readonly string[] Headers =
        ["TOPIC", "PARTITION", "LOG-START", "LOG-END", "COMMITTED", "LAG", "LAG-SECONDS", "IN/S", "OUT/S", "STATUS"];

    public static string Write(LagSnapshot snapshot, HotUnitRule? hot)
    {
        var rows = new List<string[]> { Headers };
        rows.AddRange(snapshot.Units.Select(u => new[]
        {
            u.Id.Stream, u.Id.Unit, Text(u.LogStartOffset), Text(u.LogEndOffset), Text(u.CommittedOffset),
            Text(u.Lag), Seconds(u.LagSeconds, u.LagSecondsMethod), Rate(u.ArrivalRate), Rate(u.ProcessingRate),
            LagStatusNames.Of(u, hot),
        }));
        var totals = snapshot.Totals;
        rows.Add(["TOTAL", Text(totals.Units), "", "", "", Text(totals.Lag), Seconds(totals.MaxLagSeconds, null),
            Rate(totals.ArrivalRate), Rate(totals.ProcessingRate), $"{totals.StalledUnits} stalled, {snapshot.Units.Count(u => hot?.IsHot(u) == true)} hot"]);

        var widths = Enumerable.Range(0, Headers.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Group {snapshot.Group} on {snapshot.Cluster} at {snapshot.ObservedAt:u}").AppendLine();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c <= 1 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        }

        return text.ToString();
    }

    private static string Text(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Rate(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-";

    private static string Seconds(double? value, TimeLagMethod? method) => value is not { } v
        ? "-"
        : v.ToString("0.0", CultureInfo.InvariantCulture) + (method == TimeLagMethod.Estimated ? "~" : string.Empty);
}
