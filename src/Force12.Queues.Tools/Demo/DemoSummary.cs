using System.Globalization;
using Force12.Queues.Core.Agent;

namespace Force12.Queues.Tools.Demo;

/// <summary>
/// What a demo run did, computed from the agent's own per-tick status. "Within SLA" counts the messages
/// processed during ticks whose oldest unprocessed message was no older than the SLA: a measure from the
/// agent's view (per tick, not per message), stated as such in the summary.
/// </summary>
internal sealed record DemoSummary
{
    public required TimeSpan Duration { get; init; }

    public required long MessagesSent { get; init; }

    public required double MessagesProcessed { get; init; }

    public required double ProcessedWithinSla { get; init; }

    public required double PodSeconds { get; init; }

    public required int MaxPods { get; init; }

    public required int PodsStarted { get; init; }

    public required int PodsStopped { get; init; }

    public required double MaxBacklogSeconds { get; init; }

    /// <summary>Percent of processed messages within the SLA, or null when nothing was processed.</summary>
    public double? WithinSlaPercent => MessagesProcessed > 0 ? 100 * ProcessedWithinSla / MessagesProcessed : null;

    /// <summary>Adds up the ticks of one pipeline.</summary>
    public static DemoSummary From(IReadOnlyList<AgentStatus> ticks, string pipeline, long messagesSent, int podsStarted, int podsStopped)
    {
        double processed = 0, within = 0, podSeconds = 0, maxAge = 0;
        var maxPods = 0;
        for (var i = 1; i < ticks.Count; i++)
        {
            var seconds = (ticks[i].At - ticks[i - 1].At).TotalSeconds;
            var now = ticks[i].Pipelines.FirstOrDefault(p => p.Name == pipeline);
            if (now is null || seconds <= 0)
            {
                continue;
            }

            var done = (now.ProcessingRate ?? 0) * seconds;
            processed += done;
            within += now.BacklogSeconds is { } age && age <= now.SlaSeconds ? done : 0;
            podSeconds += now.RunningPods * seconds;
            maxPods = Math.Max(maxPods, now.RunningPods);
            maxAge = Math.Max(maxAge, now.BacklogSeconds ?? 0);
        }

        return new DemoSummary
        {
            Duration = ticks.Count > 1 ? ticks[^1].At - ticks[0].At : TimeSpan.Zero,
            MessagesSent = messagesSent,
            MessagesProcessed = processed,
            ProcessedWithinSla = within,
            PodSeconds = podSeconds,
            MaxPods = maxPods,
            PodsStarted = podsStarted,
            PodsStopped = podsStopped,
            MaxBacklogSeconds = maxAge,
        };
    }

    /// <summary>The summary as lines for the terminal.</summary>
    public IEnumerable<string> Lines()
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"ran {Duration.TotalSeconds:0} s");
        yield return string.Create(c, $"messages: {MessagesSent:N0} sent, {MessagesProcessed:N0} processed");
        yield return WithinSlaPercent is { } percent
            ? string.Create(c, $"within SLA: {percent:0.0}% of processed messages (ticks whose oldest waiting message was within the SLA); oldest seen {MaxBacklogSeconds:0.0} s")
            : "within SLA: n/a, no message was processed";
        if (MaxPods == 0)
        {
            yield return "warning: no pod ever ran; the bulbs sample pods failed to start (their logs are in the pods' folders while the demo runs)";
        }
        yield return string.Create(c, $"pods: {PodSeconds:N0} pod-seconds, at most {MaxPods} at once");
        yield return string.Create(c, $"scale actions while running: {PodsStarted} pods started, {PodsStopped} stopped (every pod is stopped at the end)");
    }
}
