using Force12.Queues.Kinesis.Client;
using Force12.Queues.Testing.Kinesis;

namespace Force12.Queues.Kinesis.Tests.Client;

/// <summary>
/// Answers found by the agent's hostile Kinesis suite (issue 17): each must fail the call with a <see cref="KinesisException"/>
/// naming the operation, never read as fewer shards or records, and never escape as a JSON or format exception.
/// </summary>
public sealed class KinesisClientMalformedAnswerTests
{
    private const string Shard = """{"ShardId":"shardId-000000000000","HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"1"},"SequenceNumberRange":{"StartingSequenceNumber":"1"}}""";
    private const string Record = """{"SequenceNumber":"2","ApproximateArrivalTimestamp":1765100000.5,"PartitionKey":"k","Data":"e30="}""";

    public static TheoryData<string, string> BadShardAnswers => new()
    {
        { "", "Shards must be an array" },
        { "{}", "Shards must be an array" },
        { "null", "expected a JSON object, got null" },
        { "[]", "expected a JSON object, got Array" },
        { "<html>502</html>", "unreadable answer: '<' is an invalid start of a value" },
        { """{"Shards":"two"}""", "Shards must be an array" },
        { """{"Shards":[]}""", "the answer lists no shards" },
        { """{"Shards":[null]}""", "a shard is null" },
        { """{"Shards":[{"ShardId":5}]}""", "unreadable answer" },
        { "{\"NextToken\":7,\"Shards\":[" + Shard + "]}", "unreadable answer" },
    };

    public static TheoryData<string, string> BadRecordAnswers => new()
    {
        { "", "Records must be an array" },
        { "[]", "expected a JSON object, got Array" },
        { """{"MillisBehindLatest":0,"NextShardIterator":"i2"}""", "Records must be an array" },
        { """{"Records":"none"}""", "Records must be an array" },
        { """{"Records":[],"MillisBehindLatest":-5}""", "MillisBehindLatest must be a whole number >= 0, got -5" },
        { """{"Records":[],"MillisBehindLatest":"0"}""", "MillisBehindLatest must be a whole number >= 0, got \"0\"" },
        { """{"Records":[],"MillisBehindLatest":99999999999999999999}""", "MillisBehindLatest must be a whole number >= 0" },
        { """{"Records":[{"Data":"e30="}]}""", "unreadable answer" },
        { "{\"Records\":[" + Record.Replace("\"2\"", "\"two\"", StringComparison.Ordinal) + "]}", "'two' is not a Kinesis sequence number" },
        { "{\"Records\":[" + Record.Replace("e30=", "!!!", StringComparison.Ordinal) + "]}", "unreadable answer" },
        { "{\"Records\":[" + Record.Replace("1765100000.5", "\"NaN\"", StringComparison.Ordinal) + "]}", "a timestamp must be epoch seconds, got NaN" },
        { "{\"Records\":[" + Record.Replace("1765100000.5", "1e300", StringComparison.Ordinal) + "]}", "a timestamp must be epoch seconds, got 1E+300" },
    };

    [Theory]
    [MemberData(nameof(BadShardAnswers))]
    public async Task ListShardsAsync_MalformedAnswer_FailsNamingTheOperation(string body, string expected)
    {
        var client = new KinesisClient(new FakeTransport(FakeTransport.Ok(body)), new KinesisClientOptions(), TimeProvider.System);

        var error = await Assert.ThrowsAsync<KinesisException>(() => client.ListShardsAsync("bulbs"));

        Assert.Equal(KinesisErrorKind.Other, error.Kind);
        Assert.StartsWith("ListShards at http://fake-kinesis/", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListShardsAsync_NextTokenComesBack_FailsInsteadOfPagingForever()
    {
        var page = "{\"NextToken\":\"again\",\"Shards\":[" + Shard + "]}";
        var client = new KinesisClient(new FakeTransport(FakeTransport.Ok(page), FakeTransport.Ok(page)), new KinesisClientOptions(), TimeProvider.System);

        var error = await Assert.ThrowsAsync<KinesisException>(() => client.ListShardsAsync("bulbs"));

        Assert.Equal("ListShards at http://fake-kinesis/: NextToken 'again' came back a second time (endless pagination)", error.Message);
    }

    [Theory]
    [MemberData(nameof(BadRecordAnswers))]
    public async Task GetRecordsAsync_MalformedAnswer_FailsRatherThanReadingNoRecords(string body, string expected)
    {
        var client = new KinesisClient(new FakeTransport(FakeTransport.Ok(body)), new KinesisClientOptions(), TimeProvider.System);

        var error = await Assert.ThrowsAsync<KinesisException>(() => client.GetRecordsAsync("i1"));

        Assert.Equal(KinesisErrorKind.Other, error.Kind);
        Assert.StartsWith("GetRecords at http://fake-kinesis/: unreadable answer: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"ShardIterator":42}""")]
    [InlineData("""{"Iterator":"x"}""")]
    [InlineData("""{"ShardIterator":""}""")]
    public async Task GetShardIteratorAsync_NoIteratorString_FailsNamingTheOperation(string body)
    {
        var client = new KinesisClient(new FakeTransport(FakeTransport.Ok(body)), new KinesisClientOptions(), TimeProvider.System);

        var error = await Assert.ThrowsAsync<KinesisException>(() =>
            client.GetShardIteratorAsync("bulbs", "shardId-000000000000", Model.ShardIteratorType.TrimHorizon));

        Assert.StartsWith("GetShardIterator at http://fake-kinesis/: unreadable answer: ", error.Message, StringComparison.Ordinal);
    }
}
