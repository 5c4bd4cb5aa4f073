using System.Globalization;
using Force12.Queues.Core.Agent;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Force12.Queues.Tools.Demo;

/// <summary>The demo's live terminal view: one row per pipeline and a pods-over-time strip, like the live page.</summary>
internal static class DemoView
{
    private const string Blocks = " ▁▂▃▄▅▆▇█";

    public static IRenderable Render(AgentStatus status, IReadOnlyList<AgentStatus> history, Uri page, TimeSpan elapsed, TimeSpan duration, string load)
    {
        var c = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).Expand();
        foreach (var column in new[] { "pipeline", "backlog", "oldest", "SLA", "in/s", "out/s", "pods need/target/run/ready", "running pods, last 60 s" })
        {
            table.AddColumn(column);
        }

        foreach (var p in status.Pipelines)
        {
            var pods = history.Select(s => s.Pipelines.FirstOrDefault(x => x.Name == p.Name)?.RunningPods ?? 0).TakeLast(60).ToArray();
            table.AddRow(
                Markup.Escape(p.Name),
                p.BacklogMessages is { } b ? b.ToString("N0", c) : "[red]unknown[/]",
                p.BacklogSeconds is { } s ? Colour(s, p.SlaSeconds, s.ToString("0.0 s", c)) : "-",
                p.SlaSeconds.ToString("0 s", c),
                p.ArrivalRate?.ToString("N0", c) ?? "-",
                p.ProcessingRate?.ToString("N0", c) ?? "-",
                $"{p.NeededPods} / {p.TargetPods} / {p.RunningPods} / {p.ReadyPods}",
                Spark(pods));
        }

        var reasons = status.Pipelines.Select(p => new Markup($"[grey]{Markup.Escape(p.Name)}:[/] {Markup.Escape(p.CollectorError ?? p.Reason)}"));
        var header = new Markup(string.Create(c,
            $"[bold]Force12.Queues demo[/]  {elapsed.TotalSeconds:0} s of {duration.TotalSeconds:0} s   live page: [link]{page}[/]   Ctrl-C to stop\n[grey]load:[/] {Markup.Escape(load)}"));
        return new Rows(new IRenderable[] { header, table }.Concat(reasons));
    }

    /// <summary>One line for a log or a pipe, when the output is not a terminal.</summary>
    public static string Line(AgentStatus status, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds,4:0} s ") + string.Join("; ", status.Pipelines.Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"{p.Name}: backlog {p.BacklogMessages?.ToString("N0", CultureInfo.InvariantCulture) ?? "unknown"}, oldest {p.BacklogSeconds?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-"} s, pods need {p.NeededPods}, target {p.TargetPods}, {p.RunningPods} running, {p.ReadyPods} ready ({p.ReasonCode})")));

    private static string Colour(double seconds, double sla, string text) =>
        seconds > sla ? $"[red]{text}[/]" : seconds > sla / 2 ? $"[yellow]{text}[/]" : $"[green]{text}[/]";

    private static string Spark(int[] values)
    {
        if (values.Length == 0)
        {
            return "";
        }

        var max = Math.Max(1, values.Max());
        return new string(values.Select(v => Blocks[(int)Math.Round((Blocks.Length - 1) * (double)v / max)]).ToArray());
    }
}
