using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Force12.Queues.Kinesis.Leases;

/// <summary>Maps lease rows to and from DynamoDB items with KCL's attribute names.</summary>
internal static class KclLeaseSerializer
{
    public const string LeaseKey = "leaseKey";
    public const string LeaseOwner = "leaseOwner";
    public const string LeaseCounter = "leaseCounter";
    public const string Checkpoint = "checkpoint";
    public const string CheckpointSubSequenceNumber = "checkpointSubSequenceNumber";
    public const string OwnerSwitches = "ownerSwitchesSinceCheckpoint";
    public const string ParentShardId = "parentShardId";
    public const string ChildShardIds = "childShardIds";
    public const string StreamName = "streamName"; // multi-stream: holds the stream identifier
    public const string ShardId = "shardId";       // multi-stream
    public const string EntityType = "entityType"; // KCL 3.x non-lease rows (leader lock, worker metrics)

    /// <summary>The lease in <paramref name="item"/>, or null when the row is not a lease (KCL 3.x bookkeeping rows).</summary>
    public static KclLease? FromItem(Dictionary<string, AttributeValue> item)
    {
        if (item.ContainsKey(EntityType) || !item.TryGetValue(LeaseKey, out var key) || string.IsNullOrEmpty(key.S))
        {
            return null;
        }

        var sub = Long(item, CheckpointSubSequenceNumber);
        return new KclLease
        {
            Key = KclLeaseKey.Parse(key.S),
            Checkpoint = item.TryGetValue(Checkpoint, out var c) ? CheckpointOf(c, sub) : null,
            Owner = item.TryGetValue(LeaseOwner, out var o) && !string.IsNullOrEmpty(o.S) ? o.S : null,
            Counter = Long(item, LeaseCounter),
            OwnerSwitchesSinceCheckpoint = Long(item, OwnerSwitches),
            ParentShardIds = Set(item, ParentShardId),
            ChildShardIds = Set(item, ChildShardIds),
        };
    }

    /// <summary>The full item for a new lease row.</summary>
    public static Dictionary<string, AttributeValue> ToItem(KclLease lease)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [LeaseKey] = new() { S = lease.Key.ToString() },
            [LeaseCounter] = Number(lease.Counter),
            [OwnerSwitches] = Number(lease.OwnerSwitchesSinceCheckpoint),
        };
        if (lease.Checkpoint is { } checkpoint)
        {
            item[Checkpoint] = new() { S = checkpoint.ToString() };
            item[CheckpointSubSequenceNumber] = Number(checkpoint.SubSequenceNumber);
        }

        if (lease.Owner is not null)
        {
            item[LeaseOwner] = new() { S = lease.Owner };
        }

        if (lease.ParentShardIds.Count > 0)
        {
            item[ParentShardId] = new() { SS = [.. lease.ParentShardIds] };
        }

        if (lease.ChildShardIds.Count > 0)
        {
            item[ChildShardIds] = new() { SS = [.. lease.ChildShardIds] };
        }

        if (lease.Key.IsMultiStream)
        {
            item[StreamName] = new() { S = lease.Key.StreamIdentifier };
            item[ShardId] = new() { S = lease.Key.ShardId };
        }

        return item;
    }

    // KCL writes the checkpoint as a string; any other type of attribute is not a checkpoint to be read as none.
    private static KclCheckpoint? CheckpointOf(AttributeValue value, long sub) => value switch
    {
        { NULL: true } => null,
        { S: { Length: > 0 } text } => KclCheckpoint.Parse(text, sub),
        _ => throw new FormatException("the checkpoint attribute is not a non-empty string (S)"),
    };

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static long Long(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && long.TryParse(v.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string[] Set(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) ? (v.SS is { Count: > 0 } ss ? [.. ss.Order(StringComparer.Ordinal)] : v.S is { Length: > 0 } s ? [s] : []) : [];
}
