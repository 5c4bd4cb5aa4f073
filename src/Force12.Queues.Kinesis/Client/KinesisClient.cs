using System.Numerics;
using System.Text.Json.Nodes;
using Force12.Queues.Kinesis.Model;

namespace Force12.Queues.Kinesis.Client;

/// <summary>
/// A small typed Kinesis Data Streams client (AWSSDK.Kinesis is not used): JSON 1.1 over HTTPS signed
/// with SigV4 from AWSSDK.Core, the SDK's credential chain and region/endpoint rules, and retries with
/// exponential backoff on throttling, 5xx and network failures. Thread-safe. Failures surface as
/// <see cref="KinesisException"/> with a typed <see cref="KinesisException.Kind"/>.
/// </summary>
public sealed partial class KinesisClient : IDisposable
{
    private readonly IKinesisTransport _transport;
    private readonly KinesisClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly HttpClient? _ownedHttp;

    /// <summary>Creates a client. <paramref name="httpClient"/> defaults to one owned (and disposed) by this client.</summary>
    public KinesisClient(KinesisClientOptions options, TimeProvider? timeProvider = null, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _ownedHttp = httpClient is null ? new HttpClient { Timeout = Timeout.InfiniteTimeSpan } : null;
        _transport = new SigV4HttpTransport(httpClient ?? _ownedHttp!, options, _timeProvider);
    }

    internal KinesisClient(IKinesisTransport transport, KinesisClientOptions options, TimeProvider timeProvider)
    {
        _transport = transport;
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>The endpoint requests go to.</summary>
    public Uri Endpoint => _transport.Endpoint;

    /// <summary>
    /// Every shard of the stream, open and closed, following pagination (ListShards, 1000 per page). An answer without a
    /// <c>Shards</c> array, a stream listed with no shards, or a <c>NextToken</c> that comes back fails with a
    /// <see cref="KinesisException"/> rather than reading as fewer shards.
    /// </summary>
    public async Task<IReadOnlyList<KinesisShard>> ListShardsAsync(string streamName, CancellationToken cancellationToken = default)
    {
        var shards = new List<KinesisShard>();
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var request = new JsonObject { ["StreamName"] = streamName, ["MaxResults"] = 1000 };
        while (true)
        {
            var answer = await InvokeAsync("ListShards", request, cancellationToken).ConfigureAwait(false);
            var (page, next) = Read("ListShards", () => KinesisJson.ShardPage(answer));
            shards.AddRange(page);
            if (next is null)
            {
                // A stream has at least one shard: an empty list is a broken answer, never a stream with nothing to read.
                return shards.Count > 0 ? shards : throw new KinesisException(KinesisErrorKind.Other, $"ListShards at {Endpoint}: the answer lists no shards for stream '{streamName}'");
            }

            if (!tokens.Add(next))
            {
                throw new KinesisException(KinesisErrorKind.Other, $"ListShards at {Endpoint}: NextToken '{next}' came back a second time (endless pagination)");
            }

            request = new JsonObject { ["NextToken"] = next, ["MaxResults"] = 1000 }; // StreamName must not repeat
        }
    }

    /// <summary>The stream's status and open shard count (DescribeStreamSummary).</summary>
    public async Task<KinesisStreamSummary> DescribeStreamSummaryAsync(string streamName, CancellationToken cancellationToken = default)
    {
        var answer = await InvokeAsync("DescribeStreamSummary", new JsonObject { ["StreamName"] = streamName }, cancellationToken).ConfigureAwait(false);
        return KinesisJson.Summary(answer["StreamDescriptionSummary"] ?? throw new KinesisException("DescribeStreamSummary answer lacks StreamDescriptionSummary"));
    }

    /// <summary>
    /// A shard iterator (valid 5 minutes). <paramref name="sequenceNumber"/> is required for the
    /// sequence-number types, <paramref name="timestamp"/> for <see cref="ShardIteratorType.AtTimestamp"/>.
    /// </summary>
    public async Task<string> GetShardIteratorAsync(
        string streamName, string shardId, ShardIteratorType type, BigInteger? sequenceNumber = null,
        DateTimeOffset? timestamp = null, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject
        {
            ["StreamName"] = streamName,
            ["ShardId"] = shardId,
            ["ShardIteratorType"] = KinesisJson.IteratorType(type),
        };
        if (type is ShardIteratorType.AtSequenceNumber or ShardIteratorType.AfterSequenceNumber)
        {
            request["StartingSequenceNumber"] = SequenceNumbers.Format(sequenceNumber
                ?? throw new ArgumentException($"{type} needs a sequence number", nameof(sequenceNumber)));
        }
        else if (type is ShardIteratorType.AtTimestamp)
        {
            request["Timestamp"] = (timestamp ?? throw new ArgumentException("AtTimestamp needs a timestamp", nameof(timestamp)))
                .ToUnixTimeMilliseconds() / 1000.0;
        }

        var answer = await InvokeAsync("GetShardIterator", request, cancellationToken).ConfigureAwait(false);
        return Read("GetShardIterator", () => answer["ShardIterator"]?.GetValue<string>() is { Length: > 0 } iterator
            ? iterator
            : throw new KinesisException(KinesisErrorKind.Other, "ShardIterator is missing"));
    }

    /// <summary>Reads up to <paramref name="limit"/> records (1..10000, default 10000) from an iterator.
    /// Counts against the shard's 5 reads per second.</summary>
    public async Task<KinesisRecordBatch> GetRecordsAsync(string shardIterator, int? limit = null, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject { ["ShardIterator"] = shardIterator };
        if (limit is { } l)
        {
            request["Limit"] = Math.Clamp(l, 1, 10_000);
        }

        var answer = await InvokeRawAsync("GetRecords", request, cancellationToken).ConfigureAwait(false);
        return Read("GetRecords", () => KinesisJson.RecordBatch(answer));
    }

    /// <summary>Writes up to 500 records in one call; the outcome per entry says which failed (retry those).</summary>
    public async Task<IReadOnlyList<PutRecordsOutcome>> PutRecordsAsync(
        string streamName, IReadOnlyList<PutRecordsEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entries.Count, 500);
        var records = new JsonArray(entries.Select(ToJson).ToArray());
        var answer = await InvokeAsync("PutRecords", new JsonObject { ["StreamName"] = streamName, ["Records"] = records }, cancellationToken).ConfigureAwait(false);
        return (answer["Records"]?.AsArray() ?? []).Select(r => new PutRecordsOutcome
        {
            ShardId = r?["ShardId"]?.GetValue<string>(),
            SequenceNumber = r?["SequenceNumber"] is { } s ? KinesisJson.Number(s) : null,
            ErrorCode = r?["ErrorCode"]?.GetValue<string>(),
        }).ToArray();
    }

    private static JsonNode ToJson(PutRecordsEntry entry)
    {
        var record = new JsonObject { ["PartitionKey"] = entry.PartitionKey, ["Data"] = Convert.ToBase64String(entry.Data.Span) };
        if (entry.ExplicitHashKey is { } hashKey)
        {
            record["ExplicitHashKey"] = SequenceNumbers.Format(hashKey);
        }

        return record;
    }

    /// <inheritdoc />
    public void Dispose() => _ownedHttp?.Dispose();
}
