using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Force12.Queues.Simulation;

namespace Force12.Queues.Tools.Commands.Simulate;

/// <summary>Prints a <see cref="SimulationReport"/> as markdown tables (terminal) or JSON (<c>--output json</c>).</summary>
internal static class SimulationResultWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void WriteTable(TextWriter output, SimulationReport report, string description)
    {
        var oracle = report.Result(SimulationRunner.OracleName).PodSeconds;
        output.WriteLine(description);
        output.WriteLine();
        output.WriteLine("| policy | within SLA | p99 delay | pod-seconds | vs oracle | scale actions |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in report.Results)
        {
            output.WriteLine(Inv($"| {r.Policy} | {r.WithinSlaPercent:0.000}% | {r.P99DelaySeconds:0.00} s | {r.PodSeconds:N0} | {r.PodSeconds / oracle:0.000}x | {r.ScaleActions:N0} |"));
        }

        foreach (var r in report.Results.Where(r => r.ForecastMapePercent is not null))
        {
            output.WriteLine();
            output.WriteLine(Inv($"{r.Policy}: forecast MAPE {r.ForecastMapePercent:0.00}% (one bucket ahead, from day 3 on)"));
        }

        if (report.Results[0].Pipelines.Count < 2)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("| policy | pipeline | priority | within SLA | p99 delay | pod-seconds | at need | peak pods | backlog at end |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in report.Results)
        {
            foreach (var p in r.Pipelines)
            {
                output.WriteLine(Inv($"| {r.Policy} | {p.Pipeline} | {p.Priority} | {p.WithinSlaPercent:0.000}% | {p.P99DelaySeconds:0.00} s | {p.PodSeconds:N0} | {p.TimeAtNeedPercent:0.0}% | {p.PeakPods} | {p.BacklogAtEnd:N0} |"));
            }
        }
    }

    public static void WriteJson(TextWriter output, SimulationReport report, ulong seed)
    {
        // A JSON tree rather than a serialized object: no reflection, so it runs the same in the Native AOT build.
        var document = new JsonObject
        {
            ["seed"] = seed,
            ["durationSeconds"] = report.DurationSeconds,
            ["results"] = new JsonArray([.. report.Results.Select(r => new JsonObject
            {
                ["policy"] = r.Policy,
                ["withinSlaPercent"] = Math.Round(r.WithinSlaPercent, 4),
                ["p99DelaySeconds"] = Math.Round(r.P99DelaySeconds, 3),
                ["podSeconds"] = Math.Round(r.PodSeconds, 1),
                ["scaleActions"] = r.ScaleActions,
                ["forecastMapePercent"] = r.ForecastMapePercent is { } mape ? Math.Round(mape, 3) : null,
                ["pipelines"] = new JsonArray([.. r.Pipelines.Select(p => new JsonObject
                {
                    ["pipeline"] = p.Pipeline,
                    ["priority"] = p.Priority,
                    ["withinSlaPercent"] = Math.Round(p.WithinSlaPercent, 4),
                    ["p99DelaySeconds"] = Math.Round(p.P99DelaySeconds, 3),
                    ["podSeconds"] = Math.Round(p.PodSeconds, 1),
                    ["scaleActions"] = p.ScaleActions,
                    ["timeAtNeedPercent"] = Math.Round(p.TimeAtNeedPercent, 2),
                    ["peakPods"] = p.PeakPods,
                    ["backlogAtEnd"] = Math.Round(p.BacklogAtEnd, 1),
                })]),
            })]),
        };
        output.WriteLine(document.ToJsonString(Json));
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
