using System.Globalization;
using System.Numerics;
using System.Text.Json;
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

    /// <summary>One ListShards page: its shards (<c>Shards</c> is required, an array of objects) and the next page's token, if any.</summary>
    public static (IReadOnlyList<KinesisShard> Shards, string? NextToken) ShardPage(JsonNode answer)
    {
        var shards = answer["Shards"] as JsonArray ?? throw Malformed("Shards must be an array");
        return (shards.Select(s => Shard(s ?? throw Malformed("a shard is null"))).ToArray(),
            answer["NextToken"]?.GetValue<string>() is { Length: > 0 } next ? next : null);
    }

    /// <summary>
    /// A GetRecords answer, read with a pooled read-only document (the hot path: up to 10,000 records per answer), strictly:
    /// <c>Records</c> must be an array (an answer without it is not "no records"), each record needs its sequence number as a
    /// decimal string, a finite arrival time and base64 data, and <c>MillisBehindLatest</c>, when present, a whole number &gt;= 0.
    /// </summary>
    public static KinesisRecordBatch RecordBatch(string body)
    {
        using var document = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed($"expected a JSON object, got {root.ValueKind}");
        }

        if (!root.TryGetProperty("Records", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw Malformed("Records must be an array");
        }

        var records = new List<KinesisRecord>(array.GetArrayLength());
        foreach (var r in array.EnumerateArray())
        {
            records.Add(new KinesisRecord
            {
                SequenceNumber = SequenceNumbers.Parse(r.GetProperty("SequenceNumber").GetString() ?? ""),
                ApproximateArrivalTimestamp = r.TryGetProperty("ApproximateArrivalTimestamp", out var at) ? Timestamp(at) : DateTimeOffset.UnixEpoch,
                PartitionKey = r.TryGetProperty("PartitionKey", out var key) ? key.GetString() ?? "" : "",
                Data = r.TryGetProperty("Data", out var data) ? data.GetBytesFromBase64() : [],
            });
        }

        long? behind = null;
        if (root.TryGetProperty("MillisBehindLatest", out var millis) && millis.ValueKind != JsonValueKind.Null)
        {
            behind = millis.ValueKind == JsonValueKind.Number && millis.TryGetInt64(out var m) && m >= 0
                ? m : throw Malformed($"MillisBehindLatest must be a whole number >= 0, got {millis.GetRawText()}");
        }

        return new KinesisRecordBatch
        {
            Records = records,
            NextShardIterator = root.TryGetProperty("NextShardIterator", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null,
            MillisBehindLatest = behind,
        };
    }

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

        var seconds = node.GetValueKind() == JsonValueKind.String
            ? double.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture)
            : node.GetValue<double>();
        return FromSeconds(seconds);
    }

    private static DateTimeOffset Timestamp(JsonElement element)
    {
        var seconds = element.ValueKind == JsonValueKind.String
            ? double.Parse(element.GetString()!, CultureInfo.InvariantCulture)
            : element.GetDouble();
        return FromSeconds(seconds);
    }

    // Epoch seconds between 0 and the year 9999; NaN, infinities and anything outside would otherwise wrap or throw deep inside.
    private static DateTimeOffset FromSeconds(double seconds) => double.IsFinite(seconds) && seconds is >= 0 and < 253402300799
        ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000))
        : throw Malformed($"a timestamp must be epoch seconds, got {seconds.ToString(CultureInfo.InvariantCulture)}");

    private static KinesisException Malformed(string what) => new(KinesisErrorKind.Other, what);

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
