using Force12.Queues.Core.Lag;

namespace Force12.Queues.Kinesis.Lag;

/// <summary>
/// Turns one shard's scan into figures and updates its history. Clock-free (the caller passes the
/// time); the only state is the <see cref="ShardHistory"/> handed in.
/// </summary>
internal static class ShardLagCalculator
{
    public static ShardFigures Compute(
        ScanPlan plan, ScanResult scan, string? checkpointText, ShardHistory history, KinesisLagCollectorOptions options, DateTimeOffset now)
    {
        var seconds = history.ObservedAt is { } before ? (now - before).TotalSeconds : 0;
        var arrivalRate = scan.Arrivals is { } arrived && seconds > 0 ? arrived / seconds : (double?)null;
        if (arrivalRate is { } fresh)
        {
            history.ArrivalRate = history.ArrivalRate is { } old ? (old + fresh) / 2 : fresh;
        }

        var (lag, method) = Count(plan, scan, arrivalRate ?? history.ArrivalRate, now);
        var (age, ageMethod) = Age(lag, scan, now);

        double? processingRate = null;
        if (checkpointText == history.LastCheckpoint && history.ObservedAt is not null && seconds > 0)
        {
            processingRate = 0; // the checkpoint did not move
        }
        else if (history.LastLag is { } previous && scan.Arrivals is { } arrivals && seconds > 0)
        {
            processingRate = Math.Max(0, previous + arrivals - lag) / seconds;
        }

        if (history.ObservedAt is null || checkpointText != history.LastCheckpoint)
        {
            history.CheckpointSince = now;
            history.LagWhenCheckpointMoved = lag;
        }

        var status = LagStatusRules.Classify(plan.HasCommit, lag, now - history.CheckpointSince, history.LagWhenCheckpointMoved,
            options.StallAfter);

        history.ObservedAt = now;
        history.LastLag = lag;
        history.LastCheckpoint = checkpointText;
        history.TipKnown = plan.Read && scan.ReachedTip;
        history.TipSequence = history.TipKnown ? scan.NewestSequence : null;
        history.LastFigures = new ShardFigures(lag, method, age, ageMethod, arrivalRate, processingRate, status);
        return history.LastFigures;
    }

    /// <summary>The last figures again, aged to <paramref name="now"/>, for a shard whose reads were throttled; null when there are none.</summary>
    public static ShardFigures? Stale(ShardHistory history, DateTimeOffset now)
    {
        if (history is not { LastFigures: { } last, ObservedAt: { } at })
        {
            return null;
        }

        var aged = last.Lag > 0 && last.LagSeconds is { } seconds ? seconds + Math.Max(0, (now - at).TotalSeconds) : last.LagSeconds;
        return last with { LagMethod = KinesisCountMethod.Stale, LagSeconds = aged, LagSecondsMethod = last.Lag > 0 ? TimeLagMethod.Estimated : last.LagSecondsMethod };
    }

    private static (long Lag, KinesisCountMethod Method) Count(ScanPlan plan, ScanResult scan, double? arrivalRate, DateTimeOffset now)
    {
        if (!plan.Read)
        {
            return (0, KinesisCountMethod.NothingWaiting);
        }

        if (scan.ReachedTip)
        {
            return (scan.Counted, KinesisCountMethod.Exact);
        }

        // Past the budget: what is still unread spans (time still behind) x (arrival rate).
        var behind = Math.Max((scan.MillisBehindLatest ?? 0) / 1000.0, scan.LastReadArrival is { } last ? (now - last).TotalSeconds : 0);
        if (arrivalRate is not { } rate)
        {
            return (scan.Counted, KinesisCountMethod.LowerBound);
        }

        var rest = Math.Max(0, behind * rate);
        return (rest >= long.MaxValue - scan.Counted ? long.MaxValue : scan.Counted + (long)Math.Round(rest), KinesisCountMethod.Estimated);
    }

    private static (double? Seconds, TimeLagMethod Method) Age(long lag, ScanResult scan, DateTimeOffset now)
    {
        if (lag == 0)
        {
            return (0, TimeLagMethod.NothingWaiting);
        }

        if (scan.OldestUnprocessedArrival is { } arrived)
        {
            return (Math.Max(0, (now - arrived).TotalSeconds), TimeLagMethod.Exact);
        }

        return scan.MillisBehindLatest is > 0 and var millis ? (millis / 1000.0, TimeLagMethod.Estimated) : (null, TimeLagMethod.None);
    }
}
