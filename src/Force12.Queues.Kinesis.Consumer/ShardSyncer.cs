using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Kinesis.Model;

namespace Force12.Queues.Kinesis.Consumer;

/// <summary>
/// Creates a lease for every shard that has none: roots at the initial position, children at
/// TRIM_HORIZON with their parents. A shard with a leased descendant is skipped: it was finished and
/// its lease cleaned up (as KCL does), and must not be read again.
/// </summary>
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
        var children = shards.SelectMany(s => s.ParentShardIds.Select(p => (Parent: p, Child: s.ShardId)))
            .ToLookup(e => e.Parent, e => e.Child, StringComparer.Ordinal);
        foreach (var shard in shards.Where(s => !known.Contains(s.ShardId) && !HasLeasedDescendant(s.ShardId, children, known)))
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

    private static bool HasLeasedDescendant(string shardId, ILookup<string, string> children, HashSet<string> leased)
    {
        var pending = new Stack<string>(children[shardId]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var next))
        {
            if (leased.Contains(next))
            {
                return true;
            }

            if (seen.Add(next))
            {
                foreach (var grandchild in children[next])
                {
                    pending.Push(grandchild);
                }
            }
        }

        return false;
    }
}
