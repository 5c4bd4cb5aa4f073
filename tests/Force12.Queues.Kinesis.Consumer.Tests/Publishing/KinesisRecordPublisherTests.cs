using System.Text;
using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Model;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kinesis;

namespace Force12.Queues.Kinesis.Tests.Client;

public sealed class KinesisRecordPublisherTests
{
    [Fact]
    [Trait(TestCategories.Key, TestCategories.Integration)]
    public async Task PublishAsync_MoreThanOneCall_WritesEveryRecordOnce()
    {
        await using var stream = await TemporaryStream.CreateAsync(2);
        var entries = Enumerable.Range(0, 1234).Select(i => new PutRecordsEntry($"bulb-{i % 50}", Encoding.UTF8.GetBytes($"{i}"))).ToArray();

        var result = await new KinesisRecordPublisher(stream.Client, stream.Name, TimeProvider.System).PublishAsync(entries);

        Assert.Equal((1234, 0, 0), result);
        var stored = 0;
        foreach (var shard in await stream.Client.ListShardsAsync(stream.Name))
        {
            var iterator = await stream.Client.GetShardIteratorAsync(stream.Name, shard.ShardId, ShardIteratorType.TrimHorizon);
            stored += (await stream.Client.GetRecordsAsync(iterator)).Records.Count;
        }

        Assert.Equal(1234, stored);
    }

    [Fact]
    public async Task PublishAsync_PartialFailure_ResendsOnlyTheFailedEntries()
    {
        var transport = new FakeTransport(
            FakeTransport.Ok("""{"FailedRecordCount":1,"Records":[{"ShardId":"shardId-000000000000","SequenceNumber":"1"},{"ErrorCode":"ProvisionedThroughputExceededException"}]}"""),
            FakeTransport.Ok("""{"FailedRecordCount":0,"Records":[{"ShardId":"shardId-000000000000","SequenceNumber":"2"}]}"""));
        var client = new KinesisClient(transport, new KinesisClientOptions(), TimeProvider.System);

        var result = await new KinesisRecordPublisher(client, "bulbs", TimeProvider.System)
            .PublishAsync([new PutRecordsEntry("a", "x"u8.ToArray()), new PutRecordsEntry("b", "y"u8.ToArray())]);

        Assert.Equal((2, 0, 1), result);
        Assert.Contains("\"PartitionKey\":\"b\"", transport.Sent[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"PartitionKey\":\"a\"", transport.Sent[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishEachAsync_EntryThrottledOnEveryAttempt_ReportsEachFinalOutcomeInInputOrder()
    {
        const string Throttled = """{"FailedRecordCount":1,"Records":[{"ErrorCode":"ProvisionedThroughputExceededException","ErrorMessage":"Rate exceeded"}]}""";
        var transport = new FakeTransport(
            FakeTransport.Ok("""{"FailedRecordCount":1,"Records":[{"ErrorCode":"ProvisionedThroughputExceededException"},{"ShardId":"shardId-000000000001","SequenceNumber":"7"}]}"""),
            FakeTransport.Ok(Throttled),
            FakeTransport.Ok(Throttled));
        var client = new KinesisClient(transport, new KinesisClientOptions(), TimeProvider.System);

        var outcomes = await new KinesisRecordPublisher(client, "bulbs", TimeProvider.System, maxAttempts: 3)
            .PublishEachAsync([new PutRecordsEntry("a", "x"u8.ToArray()), new PutRecordsEntry("b", "y"u8.ToArray())]);

        Assert.Equal(3, transport.Sent.Count);
        Assert.Equal("ProvisionedThroughputExceededException", outcomes[0].ErrorCode);
        Assert.Equal((true, "shardId-000000000001", (System.Numerics.BigInteger?)7), (outcomes[1].Succeeded, outcomes[1].ShardId, outcomes[1].SequenceNumber));
        Assert.All(transport.Sent.Skip(1), s => Assert.DoesNotContain("\"PartitionKey\":\"b\"", s.Body, StringComparison.Ordinal));
    }
}
