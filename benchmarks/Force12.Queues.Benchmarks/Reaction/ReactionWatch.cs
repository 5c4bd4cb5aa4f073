using Force12.Queues.Core.Agent;

namespace Force12.Queues.Benchmarks.Reaction;

/// <summary>Reads the agent's status board around a demand step: settled back at 1x, then decided, started and reacted.</summary>
internal static class ReactionWatch
{
    private static readonly bool Trace = Environment.GetEnvironmentVariable("FORCE12_REACTION_TRACE") == "1";

    /// <summary>Waits (at 1x demand) until a tick shows at most 3 target pods, all of them running, and less than 3 s of 1x demand as backlog.</summary>
    public static async Task<bool> SettleAsync(AgentStatusBoard board, ReactionSetting setting, double podCapacity, TimeProvider time, CancellationToken cancellationToken)
    {
        var since = board.Current.Tick;
        var deadline = time.GetTimestamp();
        while (time.GetElapsedTime(deadline) < setting.PollInterval * 4 + TimeSpan.FromSeconds(90))
        {
            foreach (var status in board.Since(since))
            {
                since = status.Tick;
                if (Trace)
                {
                    Console.WriteLine("  settle " + Describe(status));
                }

                if (status.Pipelines is [var p, ..] && p.TargetPods <= 3 && p.RunningPods == p.TargetPods && p.BacklogMessages is { } b && b < 3 * podCapacity)
                {
                    return true;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>
    /// The ticks at or after <paramref name="stepAt"/> that first show the 5x need (decided), that need running
    /// (started) and the reaction (started and the backlog falling); nulls for what did not happen by the deadline.
    /// </summary>
    public static async Task<ReactionPhases> ReactedAsync(AgentStatusBoard board, DateTimeOffset stepAt, int podsFor5x, TimeSpan within, TimeProvider time, CancellationToken cancellationToken)
    {
        long? previousBacklog = null;
        var since = 0L;
        var phases = new ReactionPhases(null, null, null);
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < within)
        {
            foreach (var status in board.Since(since))
            {
                since = status.Tick;
                if (status.Pipelines is not [var p, ..])
                {
                    continue;
                }

                var falling = p.BacklogMessages is { } b && previousBacklog is { } before && b < before;
                previousBacklog = p.BacklogMessages;
                if (status.At < stepAt)
                {
                    continue;
                }

                if (Trace)
                {
                    Console.WriteLine("  react " + Describe(status));
                }

                var decided = p.TargetPods >= podsFor5x;
                phases = phases with
                {
                    Decided = phases.Decided ?? (decided ? status.At : null),
                    Started = phases.Started ?? (decided && p.RunningPods >= p.TargetPods ? status.At : null),
                };
                if (falling && decided && p.RunningPods >= p.TargetPods)
                {
                    return phases with { Reacted = status };
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken).ConfigureAwait(false);
        }

        return phases;
    }

    /// <summary>One line about the first pipeline of <paramref name="status"/>, for the trace.</summary>
    public static string Describe(AgentStatus status) => status.Pipelines is [var p, ..]
        ? $"tick {status.Tick}: target {p.TargetPods}, running {p.RunningPods}, backlog {p.BacklogMessages}, arrival {p.ArrivalRate:0}/s, processing {p.ProcessingRate:0}/s, {p.ReasonCode} {p.CollectorError}"
        : $"tick {status.Tick}: no pipeline status";
}
