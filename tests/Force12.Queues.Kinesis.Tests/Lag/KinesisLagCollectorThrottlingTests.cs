using Force12.Queues.Core.Lag;
using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Lag;
using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kinesis;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Kinesis.Tests.Lag;

/// <summary>Throttled reads (the consumers use the shard's 5 reads per second): stale figures, never zero.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KinesisLagCollectorThrottlingTests
{
    [Fact]
    public async Task CollectDetailedAsync_ThrottledAfterAGoodPoll_RepeatsLastFiguresAsStale()
    {
        await using var stream = await TemporaryStream.CreateAsync(1);
        await using var leases = await TemporaryLeaseTable.CreateAsync();
        await stream.PutAsync("shardId-000000000000", 9);
        await leases.PutAsync("shardId-000000000000", KclCheckpoint.TrimHorizon);
        var (collector, transport) = Create(stream.Name, leases.Table);

        var good = await collector.CollectDetailedAsync(default);
        transport.Throttle = true;
        var throttled = await collector.CollectDetailedAsync(default);

        Assert.True(throttled.Result.Succeeded, throttled.Result.Error?.ToString());
        var shard = Assert.Single(throttled.Shards);
        Assert.Equal((9L, KinesisCountMethod.Stale), (shard.Unit.Lag, shard.LagMethod));
        Assert.True(shard.Unit.LagSeconds >= good.Shards.Single().Unit.LagSeconds, "the age keeps growing while throttled");
        Assert.Equal(1, throttled.ThrottledShards);
        Assert.Equal(1 + AwsTestServices.ClientOptions.MaxRetries, transport.ThrottledCalls); // one read, retried with backoff
    }

    [Fact]
    public async Task CollectDetailedAsync_ThrottledWithoutEarlierFigures_FailsWithThrottledKind()
    {
        await using var stream = await TemporaryStream.CreateAsync(1);
        await using var leases = await TemporaryLeaseTable.CreateAsync();
        await stream.PutAsync("shardId-000000000000", 3);
        var (collector, transport) = Create(stream.Name, leases.Table);
        transport.Throttle = true;

        var reading = await collector.CollectDetailedAsync(default);

        Assert.False(reading.Result.Succeeded);
        Assert.Equal(KinesisErrorKind.Throttled, reading.FailureKind);
        Assert.Equal(LagErrorKind.Throttled, reading.Result.Error.Kind);
        Assert.Contains($"stream '{stream.Name}'", reading.Result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("ProvisionedThroughputExceededException", reading.Result.Error.Message, StringComparison.Ordinal);
        Assert.Null(reading.Result.Snapshot);
    }

    [Fact]
    public async Task CollectDetailedAsync_ListShardsLimitExceededAfterEveryRetry_FailsThrottledNamingStreamAndCause()
    {
        await using var leases = await TemporaryLeaseTable.CreateAsync();
        var options = AwsTestServices.ClientOptions;
        var limitExceeded = FakeTransport.Error(400, "com.amazonaws.kinesis.v20131202#LimitExceededException", "Rate exceeded for stream bulbs");
        var transport = new FakeTransport(Enumerable.Repeat(limitExceeded, options.MaxRetries + 1).ToArray());
        var collector = new KinesisLagCollector(new KinesisClient(transport, options, TimeProvider.System), leases.Table,
            new KinesisLagCollectorOptions { StreamName = "bulbs" }, TimeProvider.System, NullLogger<KinesisLagCollector>.Instance);

        var result = await collector.CollectAsync(default);

        Assert.False(result.Succeeded);
        Assert.Equal(LagErrorKind.Throttled, result.Error.Kind);
        Assert.Contains("stream 'bulbs'", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("ListShards", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("LimitExceededException", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(options.MaxRetries + 1, transport.Sent.Count(s => s.Operation == "ListShards"));
    }

    private static (KinesisLagCollector, ThrottlingTransport) Create(string stream, KclLeaseTable table)
    {
        var options = AwsTestServices.ClientOptions;
        var transport = new ThrottlingTransport(new SigV4HttpTransport(new HttpClient(), options, TimeProvider.System));
        var client = new KinesisClient(transport, options, TimeProvider.System);
        var collector = new KinesisLagCollector(client, table, new KinesisLagCollectorOptions { StreamName = stream },
            TimeProvider.System, NullLogger<KinesisLagCollector>.Instance);
        return (collector, transport);
    }
}
