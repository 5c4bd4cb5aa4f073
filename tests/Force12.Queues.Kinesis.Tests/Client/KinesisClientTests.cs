using System.Numerics;
using Force12.Queues.Aws;
using Force12.Queues.Kinesis.Client;
using Force12.Queues.Testing.Kinesis;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Kinesis.Tests.Client;

/// <summary>The client's paging, retry and error typing over a scripted transport.</summary>
public sealed class KinesisClientTests
{
    private static readonly KinesisClientOptions Options = new() { MaxRetries = 2, BaseBackoff = TimeSpan.FromMilliseconds(100) };

    [Fact]
    public async Task ListShardsAsync_SeveralPages_FollowsNextTokenWithoutStreamName()
    {
        var transport = new FakeTransport(
            FakeTransport.Ok(Page("shardId-000000000000", closed: true, next: "t1")),
            FakeTransport.Ok(Page("shardId-000000000001", closed: false, next: null)));
        var client = new KinesisClient(transport, Options, TimeProvider.System);

        var shards = await client.ListShardsAsync("bulbs");

        Assert.Equal(["shardId-000000000000", "shardId-000000000001"], shards.Select(s => s.ShardId));
        Assert.Equal([false, true], shards.Select(s => s.IsOpen));
        Assert.Contains("\"StreamName\":\"bulbs\"", transport.Sent[0].Body, StringComparison.Ordinal);
        Assert.Equal("""{"NextToken":"t1","MaxResults":1000}""", transport.Sent[1].Body);
        Assert.Equal(BigInteger.Pow(2, 128) - 1, shards[1].EndingHashKey);
    }

    [Fact]
    public async Task InvokeAsync_ThrottledThenSucceeds_RetriesAfterBackoff()
    {
        var time = new FakeTimeProvider();
        var transport = new FakeTransport(
            FakeTransport.Error(400, "ProvisionedThroughputExceededException"),
            FakeTransport.Ok("""{"Records":[],"NextShardIterator":"i2","MillisBehindLatest":0}"""));
        var client = new KinesisClient(transport, Options, time);

        var call = client.GetRecordsAsync("i1");
        Assert.Single(transport.Sent);
        time.Advance(TimeSpan.FromMilliseconds(49));
        Assert.Single(transport.Sent); // equal jitter at 0.5: 75 ms before the first retry
        time.Advance(TimeSpan.FromMilliseconds(30));
        var batch = await call;

        Assert.Equal(2, transport.Sent.Count);
        Assert.Equal("i2", batch.NextShardIterator);
    }

    [Fact]
    public async Task InvokeAsync_ThrottledOnEveryAttempt_ThrowsThrottledAfterMaxRetries()
    {
        var transport = new FakeTransport(Enumerable.Repeat(FakeTransport.Error(400, "LimitExceededException"), 3).ToArray());
        var client = new KinesisClient(transport, Options with { BaseBackoff = TimeSpan.FromTicks(1) }, TimeProvider.System);

        var error = await Assert.ThrowsAsync<KinesisException>(() => client.GetRecordsAsync("i1"));

        Assert.Equal(KinesisErrorKind.Throttled, error.Kind);
        Assert.Equal(3, transport.Sent.Count);
    }

    [Theory]
    [InlineData("ResourceNotFoundException", KinesisErrorKind.StreamNotFound)]
    [InlineData("com.amazonaws.kinesis.v20131202#UnrecognizedClientException", KinesisErrorKind.Credentials)]
    [InlineData("AccessDeniedException", KinesisErrorKind.AccessDenied)]
    [InlineData("ExpiredIteratorException", KinesisErrorKind.ExpiredIterator)]
    [InlineData("InvalidArgumentException", KinesisErrorKind.InvalidArgument)]
    public async Task InvokeAsync_ClientError_ThrowsTypedErrorWithoutRetry(string type, KinesisErrorKind expected)
    {
        var transport = new FakeTransport(FakeTransport.Error(400, type, "the service's words"));
        var client = new KinesisClient(transport, Options, TimeProvider.System);

        var error = await Assert.ThrowsAsync<KinesisException>(() => client.DescribeStreamSummaryAsync("bulbs"));

        Assert.Equal(expected, error.Kind);
        Assert.Single(transport.Sent);
        Assert.Contains("the service's words", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 50)]
    [InlineData(2, 100)]
    [InlineData(3, 200)]
    [InlineData(10, 2500)]
    public void Delay_MidpointJitter_GrowsExponentiallyUpToTheCap(int retry, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryBackoff.Delay(retry, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), 0));
    }

    private static string Page(string shardId, bool closed, string? next)
    {
        var ending = closed ? ",\"EndingSequenceNumber\":\"49590338271490256608559692538361571095921575989136588899\"" : "";
        var token = next is null ? "" : $",\"NextToken\":\"{next}\"";
        return "{\"Shards\":[{\"ShardId\":\"" + shardId + "\",\"HashKeyRange\":{\"StartingHashKey\":\"0\",\"EndingHashKey\":\"340282366920938463463374607431768211455\"},"
            + "\"SequenceNumberRange\":{\"StartingSequenceNumber\":\"49590338271490256608559692538361571095921575989136588898\"" + ending + "}}]" + token + "}";
    }
}
