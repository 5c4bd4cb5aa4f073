using Force12.Queues.Core.Lag;
using Force12.Queues.Kinesis.Lag;
using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kinesis;

namespace Force12.Queues.Kinesis.Tests.Lag;

/// <summary>Time lag against known write times, and the read budget with estimation beyond it.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KinesisLagCollectorTimeAndBudgetTests
{
    private const string Shard0 = "shardId-000000000000";
    private const string Shard1 = "shardId-000000000001";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task CollectDetailedAsync_EventsWithKnownWriteTimes_TimeLagWithinOnePollInterval()
    {
        await using var stream = await TemporaryStream.CreateAsync(2);
        await using var leases = await TemporaryLeaseTable.CreateAsync();
        var early = await stream.PutTimedAsync(Shard0, 5);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the age to measure: real time must pass
        var late = await stream.PutTimedAsync(Shard0, 5, first: 5);
        var other = await stream.PutTimedAsync(Shard1, 3);
        await leases.PutAsync(Shard0, KclCheckpoint.At(early.Sequences[^1])); // first batch processed: the oldest waiting is from the second
        await leases.PutAsync(Shard1, KclCheckpoint.TrimHorizon);
        var collector = CollectorFactory.Create(stream.Name, leases.Name);

        await Task.Delay(PollInterval);
        var collectStart = DateTimeOffset.UtcNow;
        var reading = await collector.CollectDetailedAsync(default);
        var collectEnd = DateTimeOffset.UtcNow;

        // The truth lies in [collect start - write end, collect end - write start]; the report must be within one poll interval of it.
        var byShard = reading.Shards.ToDictionary(s => s.Unit.Id.Unit);
        AssertAge(byShard[Shard0].Unit, collectStart - late.NotAfter, collectEnd - late.NotBefore);
        AssertAge(byShard[Shard1].Unit, collectStart - other.NotAfter, collectEnd - other.NotBefore);
        Assert.True(byShard[Shard0].Unit.LagSeconds < (collectStart - early.NotAfter).TotalSeconds, "the processed first batch must not count");
    }

    [Fact]
    public async Task CollectDetailedAsync_BacklogDeeperThanBudget_SpendsAtMostBudgetAndEstimatesWithArrivalRate()
    {
        await using var stream = await TemporaryStream.CreateAsync(1);
        await using var leases = await TemporaryLeaseTable.CreateAsync();
        await stream.PutAsync(Shard0, 200);
        await leases.PutAsync(Shard0, KclCheckpoint.TrimHorizon);
        var collector = CollectorFactory.Create(stream.Name, leases.Name, o => o with { MaxReadsPerShardPerPoll = 3, RecordsPerRead = 20 });

        var first = await collector.CollectDetailedAsync(default);
        await stream.PutAsync(Shard0, 40, first: 200); // arrivals the tip follower counts
        await Task.Delay(PollInterval);
        var second = await collector.CollectDetailedAsync(default);

        var before = first.Shards.Single();
        Assert.Equal(KinesisCountMethod.LowerBound, before.LagMethod); // no arrival rate known yet
        Assert.Equal(60, before.Unit.Lag);                              // 3 reads x 20 records
        Assert.Equal(3, before.GetRecordsCalls);
        var after = second.Shards.Single();
        Assert.Equal(3, after.GetRecordsCalls);                         // 1 tip-follower read + 2 scan reads
        Assert.Equal(KinesisCountMethod.Estimated, after.LagMethod);
        Assert.NotNull(after.Unit.ArrivalRate);
        Assert.True(after.Unit.Lag >= 40, $"estimate {after.Unit.Lag} must include the counted records");
        Assert.Equal(3, second.MaxGetRecordsCallsPerShard);
    }

    [Fact]
    public async Task CollectDetailedAsync_SecondPollAfterProgress_ReportsExactArrivalAndProcessingRates()
    {
        await using var stream = await TemporaryStream.CreateAsync(1);
        await using var leases = await TemporaryLeaseTable.CreateAsync();
        var written = await stream.PutAsync(Shard0, 50);
        await leases.PutAsync(Shard0, KclCheckpoint.At(written[9]));
        var collector = CollectorFactory.Create(stream.Name, leases.Name);
        var first = await collector.CollectDetailedAsync(default);

        var more = await stream.PutAsync(Shard0, 30, first: 50);
        await leases.CheckpointAsync(Shard0, KclCheckpoint.At(more[4])); // processed 40 + 5 = 45 since the first poll
        await Task.Delay(PollInterval);
        var second = await collector.CollectDetailedAsync(default);

        Assert.Equal(40, first.Shards.Single().Unit.Lag);
        var unit = second.Shards.Single().Unit;
        Assert.Equal(25, unit.Lag);
        var seconds = (second.Result.Snapshot!.ObservedAt - first.Result.Snapshot!.ObservedAt).TotalSeconds;
        Assert.Equal(30 / seconds, unit.ArrivalRate!.Value, 3);
        Assert.Equal(45 / seconds, unit.ProcessingRate!.Value, 3);
        Assert.Equal(1, second.Shards.Single().GetRecordsCalls);
        Assert.Equal(0, second.Shards.Single().GetShardIteratorCalls); // checkpoint past the last tip: the last scan's iterator goes on
    }

    private static void AssertAge(LagUnitSnapshot unit, TimeSpan truthAtLeast, TimeSpan truthAtMost)
    {
        Assert.Equal(TimeLagMethod.Exact, unit.LagSecondsMethod);
        Assert.NotNull(unit.LagSeconds);
        Assert.InRange(unit.LagSeconds.Value, (truthAtLeast - PollInterval).TotalSeconds, (truthAtMost + PollInterval).TotalSeconds);
    }
}
