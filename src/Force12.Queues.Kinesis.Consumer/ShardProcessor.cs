using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Kinesis.Model;

namespace Force12.Queues.Kinesis.Consumer;

/// <summary>
/// Works one held shard: reads from the checkpoint, hands each batch to the handler, checkpoints only
/// after the handler returned, and at the shard end creates the children's leases and checkpoints
/// SHARD_END so that the children can start.
/// </summary>
internal sealed class ShardProcessor(
    KinesisClient kinesis, KclLeaseTable table, IKinesisRecordHandler handler, KinesisConsumerOptions options, TimeProvider time)
{
    public async Task RunAsync(HeldLease held)
    {
        var lost = held.Lost.Token;
        var finish = held.Finish.Token;
        var shardId = held.Current.ShardId;
        var iterator = await IteratorAsync(shardId, held.Current.Checkpoint, lost).ConfigureAwait(false);
        while (!finish.IsCancellationRequested && !lost.IsCancellationRequested)
        {
            KinesisRecordBatch batch;
            try
            {
                batch = await kinesis.GetRecordsAsync(iterator, options.MaxRecordsPerRead, lost).ConfigureAwait(false);
            }
            catch (KinesisException e) when (e.Kind is KinesisErrorKind.ExpiredIterator)
            {
                iterator = await IteratorAsync(shardId, held.Current.Checkpoint, lost).ConfigureAwait(false);
                continue;
            }
            catch (KinesisException e) when (e.Kind is KinesisErrorKind.Throttled or KinesisErrorKind.Unreachable)
            {
                // Still throttled after the client's retries (other consumers share the shard's 5 reads/s): back off, same iterator.
                if (!await PauseAsync(options.IdleTimeBetweenReads, finish).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            if (batch.Records.Count > 0)
            {
                await handler.HandleAsync(new ShardRecords(shardId, batch.Records), lost).ConfigureAwait(false);
                if (!await held.CheckpointAsync(KclCheckpoint.At(batch.Records[^1].SequenceNumber), null, lost).ConfigureAwait(false))
                {
                    return; // lost the lease: the new owner continues from the last checkpoint
                }
            }

            if (batch.IsShardEnd)
            {
                await EndShardAsync(held, lost).ConfigureAwait(false);
                return;
            }

            iterator = batch.NextShardIterator!;
            if (!await PauseAsync(batch.Records.Count == 0 ? options.IdleTimeBetweenReads : options.MinTimeBetweenReads, finish).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Waits; false when the worker is stopping.</summary>
    private async Task<bool> PauseAsync(TimeSpan pause, CancellationToken finish)
    {
        try
        {
            await Task.Delay(pause, time, finish).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (finish.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task EndShardAsync(HeldLease held, CancellationToken lost)
    {
        var shards = await kinesis.ListShardsAsync(options.StreamName, lost).ConfigureAwait(false);
        var children = shards.Where(s => s.ParentShardIds.Contains(held.Current.ShardId, StringComparer.Ordinal)).ToArray();
        var leases = await table.ListAsync(lost).ConfigureAwait(false);
        await ShardSyncer.CreateMissingAsync(table, options, shards, leases, lost).ConfigureAwait(false);
        await held.CheckpointAsync(KclCheckpoint.ShardEnd, children.Select(c => c.ShardId).ToArray(), lost).ConfigureAwait(false);
    }

    private Task<string> IteratorAsync(string shardId, KclCheckpoint? checkpoint, CancellationToken cancellationToken) =>
        checkpoint?.Kind switch
        {
            KclCheckpointKind.SequenceNumber => kinesis.GetShardIteratorAsync(options.StreamName, shardId,
                ShardIteratorType.AfterSequenceNumber, checkpoint.Value.SequenceNumber, cancellationToken: cancellationToken),
            KclCheckpointKind.Latest => kinesis.GetShardIteratorAsync(options.StreamName, shardId, ShardIteratorType.Latest, cancellationToken: cancellationToken),
            _ => kinesis.GetShardIteratorAsync(options.StreamName, shardId, ShardIteratorType.TrimHorizon, cancellationToken: cancellationToken),
        };
}
