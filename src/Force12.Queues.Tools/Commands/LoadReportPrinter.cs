using System.Globalization;
using System.Text.Json.Nodes;
using Force12.Queues.Lightbulbs.Load;

namespace Force12.Queues.Tools.Commands;

/// <summary>The final report of <c>force12 loadgen</c>, as text or JSON.</summary>
internal static class LoadReportPrinter
{
    public static async Task WriteAsync(TextWriter output, LoadReport report, bool json)
    {
        if (json)
        {
            // A JSON tree rather than a serialized object: no reflection, so it runs the same in the Native AOT build.
            var document = new JsonObject
            {
                ["pattern"] = report.Pattern,
                ["sink"] = report.Sink,
                ["sent"] = report.Sent,
                ["acknowledged"] = report.Acknowledged,
                ["failed"] = report.Failed,
                ["unconfirmed"] = report.Unconfirmed,
                ["firstSequence"] = report.FirstSequence,
                ["lastSequence"] = report.FirstSequence + report.Sent - 1,
                ["elapsedSeconds"] = report.ElapsedIncludingFlush.TotalSeconds,
                ["sendingSeconds"] = report.Elapsed.TotalSeconds,
                ["achievedRate"] = report.AchievedRate,
                ["firstError"] = report.FirstError,
                ["stopped"] = report.Stopped,
            };
            await output.WriteLineAsync(document.ToJsonString()).ConfigureAwait(false);
            return;
        }

        var lines = new[]
        {
            "",
            $"sent {report.Sent}, acknowledged {report.Acknowledged}, failed {report.Failed}, unconfirmed {report.Unconfirmed}{(report.Stopped ? " (stopped early)" : "")}",
            $"achieved {report.AchievedRate:F1} events/s over {report.ElapsedIncludingFlush.TotalSeconds:F2} s (sending took {report.Elapsed.TotalSeconds:F2} s)",
            $"sequence numbers {report.FirstSequence}..{report.FirstSequence + report.Sent - 1}",
        };
        foreach (var line in lines)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{line}")).ConfigureAwait(false);
        }

        if (report.FirstError is { } firstError)
        {
            await output.WriteLineAsync($"first error: {firstError}").ConfigureAwait(false);
        }
    }
}
