using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kinesis;

namespace Force12.Queues.Kinesis.Tests.Leases;

/// <summary>The lease table's rows and fenced writes against dynalite.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KclLeaseTableTests
{
    private const string Max128 = "340282366920938463463374607431768211455";

    [Fact]
    public async Task ListAsync_128BitCheckpointAndMultiStreamKey_RoundTripsKclAttributes()
    {
        await using var table = await TemporaryLeaseTable.CreateAsync();
        var multi = new KclLease
        {
            Key = KclLeaseKey.ForStreamShard("123456789012", "bulbs", 1700000000, "shardId-000000000002"),
            Checkpoint = KclCheckpoint.Parse(Max128, subSequenceNumber: 3),
            Owner = "worker-a",
            Counter = 41,
            OwnerSwitchesSinceCheckpoint = 2,
            ParentShardIds = ["shardId-000000000000", "shardId-000000000001"],
        };

        Assert.True(await table.Table.TryCreateAsync(multi));
        Assert.False(await table.Table.TryCreateAsync(multi)); // exists already
        var read = Assert.Single(await table.Table.ListAsync());

        Assert.Equal(multi.Key, read.Key);
        Assert.Equal(Max128, read.Checkpoint.ToString());
        Assert.Equal(3, read.Checkpoint!.Value.SubSequenceNumber);
        Assert.Equal(("worker-a", 41L, 2L), (read.Owner, read.Counter, read.OwnerSwitchesSinceCheckpoint));
        Assert.Equal(multi.ParentShardIds, read.ParentShardIds);
    }

    [Fact]
    public async Task TryRenewAsync_AfterAnotherWorkerTookTheLease_FailsSoTheOldOwnerStops()
    {
        await using var table = await TemporaryLeaseTable.CreateAsync();
        await table.PutAsync("shardId-000000000000", KclCheckpoint.TrimHorizon, owner: "worker-a");
        var seenByA = Assert.Single(await table.Table.ListAsync());
        var seenByB = seenByA;

        var takenByB = await table.Table.TryTakeAsync(seenByB, "worker-b");
        var renewedByA = await table.Table.TryRenewAsync(seenByA);
        var checkpointByA = await table.Table.TryCheckpointAsync(seenByA, KclCheckpoint.ShardEnd);
        var secondTakeWithStaleCounter = await table.Table.TryTakeAsync(seenByA, "worker-c");

        Assert.NotNull(takenByB);
        Assert.Null(renewedByA);
        Assert.Null(checkpointByA);
        Assert.Null(secondTakeWithStaleCounter);
        var stored = Assert.Single(await table.Table.ListAsync());
        Assert.Equal(("worker-b", seenByA.Counter + 1, 1L), (stored.Owner, stored.Counter, stored.OwnerSwitchesSinceCheckpoint));
    }

    [Fact]
    public async Task TryReleaseAsync_HeldLease_RemovesOwnerAndBumpsCounter()
    {
        await using var table = await TemporaryLeaseTable.CreateAsync();
        await table.PutAsync("shardId-000000000000", KclCheckpoint.TrimHorizon, owner: "worker-a");
        var lease = Assert.Single(await table.Table.ListAsync());

        Assert.True(await table.Table.TryReleaseAsync(lease));

        var stored = Assert.Single(await table.Table.ListAsync());
        Assert.Null(stored.Owner);
        Assert.Equal(lease.Counter + 1, stored.Counter);
    }

    [Fact]
    public async Task ListAsync_MissingTable_ThrowsLeaseTableNotFound()
    {
        await AwsTestServices.EnsureReachableAsync(AwsTestServices.DynamoDbUrl, "dynalite");
        using var table = AwsTestServices.LeaseTable("f12-missing-table");

        var error = await Assert.ThrowsAsync<KinesisException>(() => table.ListAsync());

        Assert.Equal(KinesisErrorKind.LeaseTableNotFound, error.Kind);
    }
}
