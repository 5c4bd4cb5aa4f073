using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Kinesis.Model;

namespace Force12.Queues.Kinesis.Consumer;

/// <summary>Creates a lease for every shard that has none: roots at the initial position, children at TRIM_HORIZON with their parents.</summary>
internal static class ShardSyncer
{
    public static async Task SyncAsync(
        KinesisClient kinesis, KclLeaseTable table, KinesisConsumerOptions options, IReadOnlyList<KclLease> leases, CancellationToken cancellationToken)
    {
        var shards = await kinesis.ListShardsAsync(options.StreamName, cancellationToken).ConfigureAwait(false);
        await CreateMissingAsync(table, options, shards, leases, cancellationToken).ConfigureAwait(false);
    }

    public static async Task CreateMissingAsync(
        KclLeaseTable table, KinesisConsumerOptions options, IReadOnlyList<KinesisShard> shards, IReadOnlyList<KclLease> leases, CancellationToken cancellationToken)
    {
        var known = leases.Select(l => l.ShardId).ToHashSet(StringComparer.Ordinal);
        var shardIds = shards.Select(s => s.ShardId).ToHashSet(StringComparer.Ordinal);
        foreach (var shard in shards.Where(s => !known.Contains(s.ShardId)))
        {
            // A child starts at its beginning; a shard whose parents expired from the stream is a root.
            var parents = shard.ParentShardIds.Where(shardIds.Contains).ToArray();
            var start = parents.Length > 0 ? KclCheckpoint.TrimHorizon : new KclCheckpoint(options.InitialPosition);
            await table.TryCreateAsync(new KclLease
            {
                Key = KclLeaseKey.ForShard(shard.ShardId),
                Checkpoint = start,
                Counter = 0,
                ParentShardIds = parents,
            }, cancellationToken).ConfigureAwait(false);
        }
    }
}
