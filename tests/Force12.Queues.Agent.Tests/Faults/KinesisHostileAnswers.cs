using Force12.Queues.Testing.Faults;
using static Force12.Queues.Agent.Tests.Faults.KinesisAnswers;

namespace Force12.Queues.Agent.Tests.Faults;

/// <summary>One hostile answer to one call of the <c>kinesis</c> source.</summary>
/// <param name="Operation">The call under attack (<see cref="KinesisAnswers.ListShards"/>, ...).</param>
/// <param name="Answer">What it gets.</param>
/// <param name="HonestBacklog">Null when the answer must fail the collection; else the backlog an honest reading may report instead.</param>
internal sealed record KinesisFault(string Operation, HostileAnswer Answer, long? HonestBacklog = null)
{
    public string Name => $"{Operation}: {Answer.Name}";
}

/// <summary>
/// Answers the Kinesis and DynamoDB APIs must never be trusted on, for each call the source makes: wrong statuses and AWS
/// error bodies, throttling, wrong bodies and JSON types, missing fields, numbers out of range, endless pagination and
/// broken transport. Each must fail the collection (or, for a throttled GetRecords, repeat the last honest figures); none
/// may read as a smaller backlog.
/// </summary>
internal static class KinesisHostileAnswers
{
    private const string Record = """{"SequenceNumber":"2","ApproximateArrivalTimestamp":1765100000.5,"PartitionKey":"k","Data":"e30="}""";

    /// <summary>Every fault, at least 50; <paramref name="backlog"/> is the true backlog, for the honest readings.</summary>
    public static IReadOnlyList<KinesisFault> All(long backlog)
    {
        var faults = new List<KinesisFault>();
        foreach (var operation in new[] { ListShards, GetShardIterator, GetRecords, Scan })
        {
            faults.AddRange(Generic(operation));
        }

        faults.AddRange(Json(ListShards,
            ("Shards a string", """{"Shards":"two"}"""),
            ("Shards empty", """{"Shards":[]}"""),
            ("Shards missing", """{"NextToken":null}"""),
            ("ShardId a number", """{"Shards":[{"ShardId":5,"HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"1"},"SequenceNumberRange":{"StartingSequenceNumber":"1"}}]}"""),
            ("shard null", """{"Shards":[null]}"""),
            ("HashKeyRange missing", """{"Shards":[{"ShardId":"shardId-000000000000","SequenceNumberRange":{"StartingSequenceNumber":"1"}}]}"""),
            ("StartingSequenceNumber not digits", """{"Shards":[{"ShardId":"shardId-000000000000","HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"1"},"SequenceNumberRange":{"StartingSequenceNumber":"-5"}}]}"""),
            ("NextToken forever", ValidShards.Replace("{\"Shards\"", "{\"NextToken\":\"again\",\"Shards\"", StringComparison.Ordinal)),
            ("NextToken a number", ValidShards.Replace("{\"Shards\"", "{\"NextToken\":7,\"Shards\"", StringComparison.Ordinal))));
        faults.Add(new(ListShards, AwsError("stream not found", 400, "ResourceNotFoundException", "Stream bulbs under account 000000000000 not found.")));
        faults.Add(new(ListShards, AwsError("limit exceeded", 400, "LimitExceededException", "Rate exceeded for stream bulbs")));

        faults.AddRange(Json(GetShardIterator,
            ("ShardIterator missing", """{"Iterator":"x"}"""),
            ("ShardIterator a number", """{"ShardIterator":42}""")));
        faults.Add(new(GetShardIterator, AwsError("invalid argument", 400, "InvalidArgumentException", "StartingSequenceNumber 1 used in GetShardIterator on shard is not in the shard")));

        faults.AddRange(Json(GetRecords,
            ("Records missing", """{"MillisBehindLatest":0,"NextShardIterator":"AAAA"}"""),
            ("Records a string", """{"MillisBehindLatest":0,"Records":"none"}"""),
            ("SequenceNumber missing", ValidRecords(3, """{"ApproximateArrivalTimestamp":1765100000.5,"Data":"e30="}""")),
            ("SequenceNumber not digits", ValidRecords(3, Record.Replace("\"2\"", "\"two\"", StringComparison.Ordinal))),
            ("SequenceNumber a number", ValidRecords(3, Record.Replace("\"2\"", "2", StringComparison.Ordinal))),
            ("Data not base64", ValidRecords(3, Record.Replace("e30=", "!!!", StringComparison.Ordinal))),
            ("arrival timestamp NaN", ValidRecords(3, Record.Replace("1765100000.5", "\"NaN\"", StringComparison.Ordinal))),
            ("arrival timestamp 1e300", ValidRecords(3, Record.Replace("1765100000.5", "1e300", StringComparison.Ordinal))),
            ("arrival timestamp a word", ValidRecords(3, Record.Replace("1765100000.5", "\"yesterday\"", StringComparison.Ordinal))),
            ("MillisBehindLatest negative", """{"MillisBehindLatest":-5,"Records":[]}"""),
            ("MillisBehindLatest a string", """{"MillisBehindLatest":"0","Records":[]}"""),
            ("MillisBehindLatest beyond a long", """{"MillisBehindLatest":99999999999999999999,"Records":[]}""")));
        faults.Add(new(GetRecords, AwsError("expired iterator", 400, "ExpiredIteratorException", "Iterator expired")));
        faults.Add(new(GetRecords, AwsError("throughput exceeded", 400, "ProvisionedThroughputExceededException", "Rate exceeded for shard"), backlog));
        faults.Add(new(GetRecords, HostileAnswer.Silence("accept then silence")));

        faults.AddRange(Json(Scan,
            ("Items a string", """{"Count":0,"Items":"none"}"""),
            ("Items missing", """{"Count":0,"ScannedCount":0}"""),
            ("checkpoint not a sequence number", ValidLeases.Replace("\"checkpoint\":{\"S\":\"1\"}", "\"checkpoint\":{\"S\":\"soon\"}", StringComparison.Ordinal)),
            ("checkpoint a number attribute", ValidLeases.Replace("\"checkpoint\":{\"S\":\"1\"}", "\"checkpoint\":{\"N\":\"1\"}", StringComparison.Ordinal)),
            ("LastEvaluatedKey forever", ValidLeases.Replace("{\"Count\"", "{\"LastEvaluatedKey\":{\"leaseKey\":{\"S\":\"again\"}},\"Count\"", StringComparison.Ordinal))));
        faults.Add(new(Scan, AwsError("table not found", 400, "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", "Requested resource not found")));
        faults.Add(new(Scan, HostileAnswer.SlowBody("body slower than the timeout", ValidLeases, TimeSpan.FromMilliseconds(100))));
        return faults;
    }

    private static IEnumerable<KinesisFault> Generic(string operation) =>
    [
        new(operation, HostileAnswer.Respond("html page", 200, "<html><body>502 Bad Gateway</body></html>", "text/html")),
        new(operation, HostileAnswer.Json("empty body", "")),
        new(operation, HostileAnswer.Json("json array", "[]")),
        new(operation, HostileAnswer.Json("json null", "null")),
        new(operation, HostileAnswer.Truncated("truncated body", operation == Scan ? ValidLeases : ValidShards)),
        new(operation, AwsError("internal failure", 500, "InternalFailure", "hostile")),
        new(operation, AwsError("access denied", 400, "AccessDeniedException", "User is not authorized")),
        new(operation, AwsError("serialization", 400, "SerializationException", "Start of structure or map found where not expected")),
        new(operation, HostileAnswer.Respond("503 html", 503, "<html>Service Unavailable</html>", "text/html")),
        new(operation, HostileAnswer.Reset("reset before answering")),
    ];

    private static IEnumerable<KinesisFault> Json(string operation, params (string Name, string Body)[] bodies) =>
        bodies.Select(b => new KinesisFault(operation, HostileAnswer.Json(b.Name, b.Body)));

    private static HostileAnswer AwsError(string name, int status, string type, string message) =>
        HostileAnswer.Respond(name, status, $$"""{"__type":"{{type}}","message":"{{message}}"}""", "application/x-amz-json-1.1");
}
