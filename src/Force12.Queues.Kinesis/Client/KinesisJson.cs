using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Force12.Queues.Kinesis.Model;

namespace Force12.Queues.Kinesis.Client;

/// <summary>Reads the Kinesis JSON 1.1 shapes into the model types (timestamps are epoch seconds, data is base64).</summary>
internal static class KinesisJson
{
    public static KinesisShard Shard(JsonNode node) => new()
    {
        ShardId = Text(node, "ShardId"),
        ParentShardId = node["ParentShardId"]?.GetValue<string>(),
        AdjacentParentShardId = node["AdjacentParentShardId"]?.GetValue<string>(),
        StartingHashKey = Number(node["HashKeyRange"]?["StartingHashKey"]),
        EndingHashKey = Number(node["HashKeyRange"]?["EndingHashKey"]),
        StartingSequenceNumber = Number(node["SequenceNumberRange"]?["StartingSequenceNumber"]),
        EndingSequenceNumber = node["SequenceNumberRange"]?["EndingSequenceNumber"] is { } end ? Number(end) : null,
    };

    public static KinesisRecord Record(JsonNode node) => new()
    {
        SequenceNumber = Number(node["SequenceNumber"]),
        ApproximateArrivalTimestamp = Timestamp(node["ApproximateArrivalTimestamp"]) ?? DateTimeOffset.UnixEpoch,
        PartitionKey = node["PartitionKey"]?.GetValue<string>() ?? "",
        Data = Convert.FromBase64String(node["Data"]?.GetValue<string>() ?? ""),
    };

    public static KinesisStreamSummary Summary(JsonNode node) => new()
    {
        StreamName = Text(node, "StreamName"),
        StreamArn = Text(node, "StreamARN"),
        Status = Text(node, "StreamStatus"),
        OpenShardCount = node["OpenShardCount"]?.GetValue<int>() ?? 0,
        RetentionPeriodHours = node["RetentionPeriodHours"]?.GetValue<int>() ?? 0,
        CreatedAt = Timestamp(node["StreamCreationTimestamp"]),
    };

    /// <summary>A sequence number or hash key: a decimal string of up to 128 bits or more; never a double.</summary>
    public static BigInteger Number(JsonNode? node)
    {
        var text = node?.GetValue<string>() ?? throw new KinesisException(KinesisErrorKind.Other, "Kinesis answer lacks a number field");
        return SequenceNumbers.Parse(text);
    }

    public static DateTimeOffset? Timestamp(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var seconds = node.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? double.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture)
            : node.GetValue<double>();
        return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
    }

    public static string IteratorType(ShardIteratorType type) => type switch
    {
        ShardIteratorType.TrimHorizon => "TRIM_HORIZON",
        ShardIteratorType.Latest => "LATEST",
        ShardIteratorType.AtSequenceNumber => "AT_SEQUENCE_NUMBER",
        ShardIteratorType.AfterSequenceNumber => "AFTER_SEQUENCE_NUMBER",
        ShardIteratorType.AtTimestamp => "AT_TIMESTAMP",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown iterator type"),
    };

    private static string Text(JsonNode node, string name) =>
        node[name]?.GetValue<string>() ?? throw new KinesisException(KinesisErrorKind.Other, $"Kinesis answer lacks {name}");
}
