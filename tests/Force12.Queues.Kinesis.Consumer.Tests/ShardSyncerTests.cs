using System.Numerics;
using Force12.Queues.Kinesis.Consumer;
using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Kinesis.Model;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kinesis;

namespace Force12.Queues.Kinesis.Tests.Consumer;

[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ShardSyncerTests
{
    private static readonly KinesisConsumerOptions Options = new() { StreamName = "s", WorkerId = "w" };

    [Fact]
    public async Task CreateMissingAsync_SplitStream_ParentAtInitialPositionChildrenAtTrimHorizonWithParent()
    {
        await using var table = await TemporaryLeaseTable.CreateAsync();

        await ShardSyncer.CreateMissingAsync(table.Table, Options, [Shard(0), Shard(1, parent: 0), Shard(2, parent: 0)], [], default);

        var leases = (await table.Table.ListAsync()).OrderBy(l => l.ShardId, StringComparer.Ordinal).ToArray();
        Assert.Equal(["TRIM_HORIZON", "TRIM_HORIZON", "TRIM_HORIZON"], leases.Select(l => l.Checkpoint.ToString()));
        Assert.Equal([[], ["shardId-000000000000"], ["shardId-000000000000"]], leases.Select(l => l.ParentShardIds.ToArray()));
        Assert.All(leases, l => Assert.Null(l.Owner));
    }

    [Fact]
    public async Task CreateMissingAsync_ParentLeaseCleanedUpAfterChildrenStarted_DoesNotReadTheParentAgain()
    {
        await using var table = await TemporaryLeaseTable.CreateAsync();
        await table.PutAsync("shardId-000000000002", KclCheckpoint.At(42), owner: "w", "shardId-000000000001");
        var existing = await table.Table.ListAsync();

        await ShardSyncer.CreateMissingAsync(table.Table, Options, [Shard(0), Shard(1, parent: 0), Shard(2, parent: 1)], existing, default);

        Assert.Equal(["shardId-000000000002"], (await table.Table.ListAsync()).Select(l => l.ShardId));
    }

    private static KinesisShard Shard(int index, int? parent = null) => new()
    {
        ShardId = $"shardId-{index:D12}",
        ParentShardId = parent is { } p ? $"shardId-{p:D12}" : null,
        StartingHashKey = BigInteger.Zero,
        EndingHashKey = BigInteger.One,
        StartingSequenceNumber = BigInteger.One,
    };
}
