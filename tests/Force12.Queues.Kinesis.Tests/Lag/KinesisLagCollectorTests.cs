using Force12.Queues.Core.Lag;
using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Lag;
using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kinesis;

namespace Force12.Queues.Kinesis.Tests.Lag;

/// <summary>The collector against kinesalite and dynalite: real streams, real lease rows.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KinesisLagCollectorTests
{
    private const string Shard0 = "shardId-000000000000";
    private const string Shard1 = "shardId-000000000001";
    private const string Shard2 = "shardId-000000000002";
    private const string Shard3 = "shardId-000000000003";

    [Fact]
    public async Task CollectDetailedAsync_PartialConsumptionAcrossShards_CountsExactLagPerShard()
    {
        await using var stream = await TemporaryStream.CreateAsync(3);
        await using var leases = await TemporaryLeaseTable.CreateAsync();
        var s0 = await stream.PutAsync(Shard0, 30);
        var s1 = await stream.PutAsync(Shard1, 20);
        await stream.PutAsync(Shard2, 5);
        await leases.PutAsync(Shard0, KclCheckpoint.At(s0[9]));   // 10 processed, 20 left
        await leases.PutAsync(Shard1, KclCheckpoint.At(s1[^1]));  // all processed
        await leases.PutAsync(Shard2, KclCheckpoint.TrimHorizon); // nothing processed

        var reading = await CollectorFactory.Create(stream.Name, leases.Name).CollectDetailedAsync(default);

        Assert.True(reading.Result.Succeeded, reading.Result.Error?.ToString());
        var byShard = reading.Shards.ToDictionary(s => s.Unit.Id.Unit);
        Assert.Equal((20L, KinesisCountMethod.Exact, LagUnitStatus.Ok), Figures(byShard[Shard0]));
        Assert.Equal((0L, KinesisCountMethod.Exact, LagUnitStatus.CaughtUp), Figures(byShard[Shard1]));
        Assert.Equal((5L, KinesisCountMethod.Exact, LagUnitStatus.NoCommit), Figures(byShard[Shard2]));
        Assert.Equal(25, reading.Result.Snapshot.Totals.Lag);
        Assert.Equal(3, reading.Result.Snapshot.Totals.Units);
        Assert.All(reading.Shards, s => Assert.InRange(s.GetRecordsCalls, 1, 2));
    }

    [Fact]
    public async Task CollectDetailedAsync_EachSentinelCheckpoint_ReportsItsMeaning()
    {
        await using var stream = await TemporaryStream.CreateAsync(4);
        await using var leases = await TemporaryLeaseTable.CreateAsync();
        foreach (var shard in new[] { Shard0, Shard1, Shard2, Shard3 })
        {
            await stream.PutAsync(shard, 7);
        }

        await leases.PutAsync(Shard0, KclCheckpoint.TrimHorizon);
        await leases.PutAsync(Shard1, KclCheckpoint.Latest);
        await leases.PutAsync(Shard2, KclCheckpoint.AtTimestamp);
        await leases.PutAsync(Shard3, KclCheckpoint.ShardEnd);

        var reading = await CollectorFactory.Create(stream.Name, leases.Name).CollectDetailedAsync(default);

        Assert.True(reading.Result.Succeeded, reading.Result.Error?.ToString());
        var byShard = reading.Shards.ToDictionary(s => s.Unit.Id.Unit);
        Assert.Equal((7L, KinesisCountMethod.Exact, LagUnitStatus.NoCommit), Figures(byShard[Shard0]));
        Assert.Equal((0L, KinesisCountMethod.NothingWaiting, LagUnitStatus.NoCommit), Figures(byShard[Shard1]));
        Assert.Equal((7L, KinesisCountMethod.Exact, LagUnitStatus.NoCommit), Figures(byShard[Shard2])); // upper bound: timestamp is in the app's config
        Assert.Equal((0L, KinesisCountMethod.NothingWaiting, LagUnitStatus.CaughtUp), Figures(byShard[Shard3]));
        Assert.Equal(["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP", "SHARD_END"], reading.Shards.Select(s => s.Checkpoint));
        Assert.Equal(0, byShard[Shard1].GetRecordsCalls + byShard[Shard3].GetRecordsCalls);
    }

    [Fact]
    public async Task CollectDetailedAsync_ShardWithoutLease_FollowsInitialPosition()
    {
        await using var stream = await TemporaryStream.CreateAsync(1);
        await using var leases = await TemporaryLeaseTable.CreateAsync();
        await stream.PutAsync(Shard0, 4);

        var trimHorizon = await CollectorFactory.Create(stream.Name, leases.Name).CollectDetailedAsync(default);
        var latest = await CollectorFactory.Create(stream.Name, leases.Name, o => o with { InitialPosition = KclCheckpointKind.Latest }).CollectDetailedAsync(default);

        Assert.Equal((4L, KinesisCountMethod.Exact, LagUnitStatus.NoCommit), Figures(trimHorizon.Shards.Single()));
        Assert.Equal((0L, KinesisCountMethod.NothingWaiting, LagUnitStatus.NoCommit), Figures(latest.Shards.Single()));
        Assert.Null(trimHorizon.Shards.Single().Checkpoint);
    }

    [Fact]
    public async Task CollectDetailedAsync_MultiStreamLeaseTable_UsesOnlyThisStreamsLeases()
    {
        await using var stream = await TemporaryStream.CreateAsync(1);
        await using var leases = await TemporaryLeaseTable.CreateAsync();
        var written = await stream.PutAsync(Shard0, 10);
        await leases.Table.TryCreateAsync(new KclLease
        {
            Key = KclLeaseKey.ForStreamShard("123456789012", "another-stream", 1700000000, Shard0),
            Checkpoint = KclCheckpoint.TrimHorizon,
            Owner = "w",
            Counter = 1,
        });
        await leases.Table.TryCreateAsync(new KclLease
        {
            Key = KclLeaseKey.ForStreamShard("123456789012", stream.Name, 1700000000, Shard0),
            Checkpoint = KclCheckpoint.At(written[3]),
            Owner = "w",
            Counter = 1,
        });

        var reading = await CollectorFactory.Create(stream.Name, leases.Name).CollectDetailedAsync(default);

        var shard = Assert.Single(reading.Shards);
        Assert.Equal((6L, KinesisCountMethod.Exact, LagUnitStatus.Ok), Figures(shard));
        Assert.Equal(written[3].ToString(System.Globalization.CultureInfo.InvariantCulture), shard.Checkpoint);
    }

    [Fact]
    public async Task CollectDetailedAsync_MissingLeaseTable_FailsWithTypedError()
    {
        await using var stream = await TemporaryStream.CreateAsync(1);
        await AwsTestServices.EnsureReachableAsync(AwsTestServices.DynamoDbUrl, "dynalite");

        var reading = await CollectorFactory.Create(stream.Name, "f12-no-such-table").CollectDetailedAsync(default);

        Assert.False(reading.Result.Succeeded);
        Assert.Equal(KinesisErrorKind.LeaseTableNotFound, reading.FailureKind);
        Assert.Equal(LagErrorKind.UnknownGroup, reading.Result.Error.Kind);
        Assert.Contains("Lease table 'f12-no-such-table' does not exist", reading.Result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectDetailedAsync_MissingStream_FailsWithTypedError()
    {
        await using var leases = await TemporaryLeaseTable.CreateAsync();
        await AwsTestServices.EnsureReachableAsync(AwsTestServices.KinesisUrl, "kinesalite");

        var reading = await CollectorFactory.Create("f12-no-such-stream", leases.Name).CollectDetailedAsync(default);

        Assert.False(reading.Result.Succeeded);
        Assert.Equal(KinesisErrorKind.StreamNotFound, reading.FailureKind);
        Assert.Equal(LagErrorKind.StreamNotFound, reading.Result.Error.Kind);
        Assert.Contains("f12-no-such-stream", reading.Result.Error.Message, StringComparison.Ordinal);
    }

    private static (long, KinesisCountMethod, LagUnitStatus) Figures(KinesisShardLag shard) =>
        (shard.Unit.Lag, shard.LagMethod, shard.Unit.Status);
}
