using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Model;

namespace Force12.Queues.Kinesis.Lag;

/// <summary>
/// Reads one shard within a GetRecords budget: counts the records after the checkpoint up to the tip,
/// and the arrivals since the last poll. While the backlog is too deep to reach the tip, one read of the
/// budget goes to a "tip follower" iterator that counts new arrivals instead.
/// </summary>
internal static class ShardScanner
{
    /// <summary>Iterators live 5 minutes; one older than this is not reused.</summary>
    private static readonly TimeSpan ResumeIteratorLifetime = TimeSpan.FromMinutes(4);

    public static async Task<ScanResult> ScanAsync(
        KinesisClient client, string stream, string shardId, ScanPlan plan, ShardHistory history,
        int budget, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!plan.Read)
        {
            history.FollowerIterator = null;
            return ScanResult.Nothing;
        }

        int reads = 0, iteratorCalls = 0;
        long? followerArrivals = null;
        if (!history.TipKnown && history.FollowerIterator is not null && budget >= 2)
        {
            (followerArrivals, history.FollowerIterator) = await FollowAsync(client, history.FollowerIterator, limit, cancellationToken).ConfigureAwait(false);
            reads++;
        }

        // A healthy consumer checkpoints past the last tip: the scan starts there, where the last scan's iterator already points.
        var resume = plan.StartAfter is { } startAfter && startAfter == history.TipSequence && history.TipKnown
            && history.ResumeIterator is not null && now - history.ResumeIteratorAt < ResumeIteratorLifetime
            ? history.ResumeIterator : null;
        history.ResumeIterator = null;
        var iterator = resume ?? await client.GetShardIteratorAsync(stream, shardId,
            plan.StartAfter is null ? ShardIteratorType.TrimHorizon : ShardIteratorType.AfterSequenceNumber,
            plan.StartAfter, cancellationToken: cancellationToken).ConfigureAwait(false);
        iteratorCalls += resume is null ? 1 : 0;

        long counted = 0, arrivals = 0;
        var reachedTip = false;
        DateTimeOffset? oldest = null, last = null;
        System.Numerics.BigInteger? newest = null;
        long? millisBehind = null;
        while (reads < budget)
        {
            KinesisRecordBatch batch;
            try
            {
                batch = await client.GetRecordsAsync(iterator, limit, cancellationToken).ConfigureAwait(false);
            }
            catch (KinesisException e) when (resume is not null && e.Kind is KinesisErrorKind.ExpiredIterator or KinesisErrorKind.InvalidArgument)
            {
                resume = null; // fall back to a fresh iterator at the same position
                iterator = await client.GetShardIteratorAsync(stream, shardId, ShardIteratorType.AfterSequenceNumber,
                    plan.StartAfter, cancellationToken: cancellationToken).ConfigureAwait(false);
                iteratorCalls++;
                continue;
            }

            reads++;
            foreach (var record in batch.Records)
            {
                if (plan.LagAfter is not { } boundary || record.SequenceNumber > boundary)
                {
                    counted++;
                    oldest ??= record.ApproximateArrivalTimestamp;
                }

                if (history.TipSequence is not { } tip || record.SequenceNumber > tip)
                {
                    arrivals++;
                }

                newest = record.SequenceNumber;
                last = record.ApproximateArrivalTimestamp;
            }

            millisBehind = batch.MillisBehindLatest;
            if (batch.IsShardEnd || (batch.Records.Count < limit && (millisBehind ?? 0) == 0))
            {
                reachedTip = true;
                history.ResumeIterator = batch.NextShardIterator;
                history.ResumeIteratorAt = now;
                break;
            }

            iterator = batch.NextShardIterator!;
        }

        // Arrivals are exact only when the last poll's tip is known and this scan started at or before it.
        var arrivalsExact = reachedTip && history.TipKnown && (history.TipSequence is not null || plan.StartAfter is null);
        if (reachedTip)
        {
            history.FollowerIterator = null;
        }
        else if (history.FollowerIterator is null)
        {
            history.FollowerIterator = await client.GetShardIteratorAsync(stream, shardId, ShardIteratorType.Latest,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            iteratorCalls++;
        }

        return new ScanResult
        {
            Counted = counted,
            ReachedTip = reachedTip,
            Arrivals = arrivalsExact ? arrivals : followerArrivals,
            OldestUnprocessedArrival = oldest,
            LastReadArrival = last,
            NewestSequence = newest ?? plan.StartAfter,
            MillisBehindLatest = millisBehind,
            GetRecordsCalls = reads,
            GetShardIteratorCalls = iteratorCalls,
        };
    }

    private static async Task<(long? Arrivals, string? Next)> FollowAsync(KinesisClient client, string iterator, int limit, CancellationToken cancellationToken)
    {
        try
        {
            var batch = await client.GetRecordsAsync(iterator, limit, cancellationToken).ConfigureAwait(false);
            return (batch.Records.Count, batch.NextShardIterator);
        }
        catch (KinesisException e) when (e.Kind is KinesisErrorKind.ExpiredIterator or KinesisErrorKind.InvalidArgument)
        {
            return (null, null); // started again after the next scan
        }
    }
}
