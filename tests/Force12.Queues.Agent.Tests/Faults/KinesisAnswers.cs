using System.Globalization;
using System.Text;
using Force12.Queues.Testing.Faults;

namespace Force12.Queues.Agent.Tests.Faults;

/// <summary>
/// Valid answers of the four calls the <c>kinesis</c> source makes (Kinesis ListShards, GetShardIterator, GetRecords over
/// JSON 1.1, and DynamoDB Scan of the KCL lease table over JSON 1.0), in the shapes of the published API references: a
/// two-shard stream whose leases checkpoint at sequence number 1 and whose shards each hold <c>perShard</c> records after
/// it, so the true backlog is twice that. <see cref="Route"/> picks the answer by the request's <c>X-Amz-Target</c>,
/// giving the hostile answer for the one operation under attack.
/// </summary>
internal sealed class KinesisAnswers(int perShard)
{
    public const string ListShards = "ListShards";
    public const string GetShardIterator = "GetShardIterator";
    public const string GetRecords = "GetRecords";
    public const string Scan = "Scan";

    private volatile Attack? _attack;

    /// <summary>The true backlog: every record of both shards is after the checkpoint.</summary>
    public long Backlog => 2L * perShard;

    /// <summary>Sets the operation under attack and its answer, or none.</summary>
    public void Attack(string? operation, HostileAnswer? answer) =>
        _attack = operation is null || answer is null ? null : new Attack(operation, answer);

    /// <summary>The answer for a request head: the attack's for its operation, else the valid one.</summary>
    public HostileAnswer Route(string head)
    {
        var operation = Operation(head);
        return _attack is { } attack && attack.Operation == operation ? attack.Answer : Valid(operation);
    }

    /// <summary>The valid answer of <paramref name="operation"/>.</summary>
    public HostileAnswer Valid(string operation) => operation switch
    {
        ListShards => HostileAnswer.Json("valid ListShards", ValidShards),
        GetShardIterator => HostileAnswer.Json("valid GetShardIterator", """{"ShardIterator":"AAAAAAAAAAE="}"""),
        GetRecords => HostileAnswer.Json("valid GetRecords", ValidRecords(perShard)),
        Scan => HostileAnswer.Json("valid Scan", ValidLeases),
        _ => HostileAnswer.Respond($"unknown operation {operation}", 400, """{"__type":"UnknownOperationException"}"""),
    };

    /// <summary>The ListShards answer for the two shards.</summary>
    public const string ValidShards = """
        {"Shards":[
         {"ShardId":"shardId-000000000000","HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"170141183460469231731687303715884105727"},"SequenceNumberRange":{"StartingSequenceNumber":"1"}},
         {"ShardId":"shardId-000000000001","HashKeyRange":{"StartingHashKey":"170141183460469231731687303715884105728","EndingHashKey":"340282366920938463463374607431768211455"},"SequenceNumberRange":{"StartingSequenceNumber":"1"}}]}
        """;

    /// <summary>The Scan answer: both shards leased and checkpointed at sequence number 1.</summary>
    public const string ValidLeases = """
        {"Count":2,"ScannedCount":2,"Items":[
         {"leaseKey":{"S":"shardId-000000000000"},"checkpoint":{"S":"1"},"checkpointSubSequenceNumber":{"N":"0"},"leaseCounter":{"N":"7"},"leaseOwner":{"S":"worker-1"},"ownerSwitchesSinceCheckpoint":{"N":"0"}},
         {"leaseKey":{"S":"shardId-000000000001"},"checkpoint":{"S":"1"},"checkpointSubSequenceNumber":{"N":"0"},"leaseCounter":{"N":"7"},"leaseOwner":{"S":"worker-1"},"ownerSwitchesSinceCheckpoint":{"N":"0"}}]}
        """;

    /// <summary>A GetRecords answer at the tip holding <paramref name="count"/> records with sequence numbers 2 and up.</summary>
    public static string ValidRecords(int count, string? replaceFirstRecord = null)
    {
        var json = new StringBuilder("""{"MillisBehindLatest":0,"NextShardIterator":"AAAAAAAAAAI=","Records":[""");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",");
            json.Append(i == 0 && replaceFirstRecord is not null ? replaceFirstRecord : string.Create(CultureInfo.InvariantCulture,
                $$"""{"SequenceNumber":"{{i + 2}}","ApproximateArrivalTimestamp":1765100000.5,"PartitionKey":"bulb-{{i}}","Data":"e30="}"""));
        }

        return json.Append("]}").ToString();
    }

    private static string Operation(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("X-Amz-Target:", StringComparison.OrdinalIgnoreCase))
            {
                var target = line["X-Amz-Target:".Length..].Trim();
                return target[(target.LastIndexOf('.') + 1)..];
            }
        }

        return "";
    }
}

/// <summary>The operation under attack and its answer.</summary>
internal sealed record Attack(string Operation, HostileAnswer Answer);
