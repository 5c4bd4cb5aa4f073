using Force12.Queues.Kinesis.Lag;
using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kinesis;

namespace Force12.Queues.Kinesis.Tests.Consumer;

/// <summary>Several in-process KCL-compatible workers against kinesalite and dynalite.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KinesisConsumerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] ClosedShards = ["shardId-000000000000", "shardId-000000000001", "shardId-000000000003"];

    [Fact]
    public async Task RunAsync_ThreeWorkersSixShards_BalanceTwoShardsEach()
    {
        await using var stream = await TemporaryStream.CreateAsync(6);
        await using var table = await TemporaryLeaseTable.CreateAsync();
        var handler = new RecordingHandler();
        await using var harness = new ConsumerHarness(stream, table, handler);

        var workers = new[] { harness.Start("w1"), harness.Start("w2"), harness.Start("w3") };

        await Eventually.HoldsAsync(() => Task.FromResult(workers.All(w => w.HeldShards.Count == 2)), Patience,
            () => string.Join(", ", workers.Select(w => w.HeldShards.Count)));
        Assert.Equal(6, workers.SelectMany(w => w.HeldShards).Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_WorkersKilledAndStoppedMidStream_LoseNothingAndCountDuplicates()
    {
        const int Events = 6000;
        await using var stream = await TemporaryStream.CreateAsync(4);
        await using var table = await TemporaryLeaseTable.CreateAsync();
        var handler = new RecordingHandler();
        await using var harness = new ConsumerHarness(stream, table, handler);
        var stuck = new StuckHandler(handler);
        await harness.PutEventsAsync(0, Events / 3);
        var w1 = harness.Start("w1", stuck);
        var inHand = await stuck.InHand.WaitAsync(Patience); // w1 holds every shard and hangs on one batch
        var w2 = harness.Start("w2");                        // scale out while consuming: w2 and w3 steal
        var w3 = harness.Start("w3");
        await Eventually.HoldsAsync(() => Task.FromResult(w2.HeldShards.Count > 0 && w3.HeldShards.Count > 0), Patience,
            () => $"w1 {w1.HeldShards.Count}, w2 {w2.HeldShards.Count}, w3 {w3.HeldShards.Count}");
        await harness.KillAsync(w1);                 // SIGKILL with a processed batch not yet checkpointed: its leases expire and are taken over
        await harness.PutEventsAsync(Events / 3, Events / 3);
        await harness.StopAsync(w2);                 // SIGTERM: leases released at once
        harness.Start("w4");
        await harness.PutEventsAsync(2 * Events / 3, Events / 3);

        await Eventually.HoldsAsync(() => Task.FromResult(handler.Distinct == Events), Patience,
            () => $"{handler.Missing(Events).Count} missing, {handler.Duplicates} duplicates, w3 holds {w3.HeldShards.Count}");
        Assert.Empty(handler.Missing(Events));
        Assert.InRange(handler.Duplicates, inHand, Events); // at least the batch the killed worker had in hand comes again
        Console.WriteLine($"consumer kill test: {Events} events, 0 lost, {handler.Duplicates} duplicates");
        var lag = CollectorFactory.Create(stream.Name, table.Name);
        await Eventually.HoldsAsync(async () => (await lag.CollectAsync(default)).Snapshot?.Totals.Lag == 0, Patience, () => "checkpoints did not reach the tip");
    }

    [Fact]
    public async Task RunAsync_GracefulStop_ReleasesEveryLease()
    {
        await using var stream = await TemporaryStream.CreateAsync(2);
        await using var table = await TemporaryLeaseTable.CreateAsync();
        await using var harness = new ConsumerHarness(stream, table, new RecordingHandler());
        var worker = harness.Start("w1");
        await Eventually.HoldsAsync(() => Task.FromResult(worker.HeldShards.Count == 2), Patience, () => $"holds {worker.HeldShards.Count}");

        await harness.StopAsync(worker);

        var leases = await table.Table.ListAsync();
        Assert.Equal(2, leases.Count);
        Assert.All(leases, l => Assert.Null(l.Owner));
    }

    [Fact]
    public async Task RunAsync_SplitAndMergeWhileConsuming_ParentsBeforeChildrenAndLagReachesZero()
    {
        const int Keys = 20;
        await using var stream = await TemporaryStream.CreateAsync(2);
        await using var table = await TemporaryLeaseTable.CreateAsync();
        var handler = new RecordingHandler();
        await using var harness = new ConsumerHarness(stream, table, handler);
        harness.Start("w1");
        harness.Start("w2");
        await harness.PutEventsAsync(0, 1000, Keys);

        var shards = await stream.Client.ListShardsAsync(stream.Name);
        var shard0 = shards.Single(s => s.ShardId == "shardId-000000000000");
        await stream.SplitAsync(shard0.ShardId, (shard0.StartingHashKey + shard0.EndingHashKey) / 2);
        await stream.WaitActiveAsync();
        await harness.PutEventsAsync(1000, 1000, Keys);
        await stream.MergeAsync("shardId-000000000003", "shardId-000000000001"); // upper half of 0 with 1
        await stream.WaitActiveAsync();
        await harness.PutEventsAsync(2000, 1000, Keys);

        await Eventually.HoldsAsync(() => Task.FromResult(handler.Distinct == 3000), Patience, () => $"{handler.Missing(3000).Count} missing");
        foreach (var key in handler.FirstDeliveryOrder)
        {
            Assert.True(key.SequenceEqual(key.Order()), $"key {key.Key} was first delivered out of order: a child ran before its parent");
        }

        var collector = CollectorFactory.Create(stream.Name, table.Name);
        KinesisLagReading? reading = null;
        await Eventually.HoldsAsync(async () => (reading = await collector.CollectDetailedAsync(default)).Result.Snapshot?.Totals.Lag == 0,
            Patience, () => reading?.Result.Error?.ToString() ?? $"lag {reading?.Result.Snapshot?.Totals.Lag}");
        var byShard = reading!.Shards.ToDictionary(s => s.Unit.Id.Unit);
        Assert.Equal(5, byShard.Count);
        Assert.Equal(["shardId-000000000003", "shardId-000000000001"], byShard["shardId-000000000004"].ParentShardIds);
        Assert.All(ClosedShards,
            closed => Assert.Equal(("SHARD_END", false, false), (byShard[closed].Checkpoint, byShard[closed].IsOpen, byShard[closed].IsActive)));
        Assert.Equal(2, reading.Result.Snapshot!.Totals.Units); // useful parallelism: the open shards 2 and 4
        var leases = await table.Table.ListAsync();
        Assert.Equal(["shardId-000000000002", "shardId-000000000003"], leases.Single(l => l.ShardId == "shardId-000000000000").ChildShardIds);
        Assert.Equal(KclCheckpointKind.SequenceNumber, leases.Single(l => l.ShardId == "shardId-000000000004").Checkpoint?.Kind);
    }
}
