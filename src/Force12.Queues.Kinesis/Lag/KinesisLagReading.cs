using Force12.Queues.Core.Lag;

namespace Force12.Queues.Kinesis.Lag;

/// <summary>One collection with its Kinesis details: the generic result, every shard (also finished ones) and the reads spent.</summary>
public sealed record KinesisLagReading
{
    /// <summary>The generic result the control loop uses: units are the active shards.</summary>
    public required LagCollectionResult Result { get; init; }

    /// <summary>Every shard of the stream, ordered by shard id; empty when the collection failed.</summary>
    public IReadOnlyList<KinesisShardLag> Shards { get; init; } = [];

    /// <summary>GetRecords calls made in this collection, all shards together.</summary>
    public int GetRecordsCalls { get; init; }

    /// <summary>GetShardIterator calls made in this collection.</summary>
    public int GetShardIteratorCalls { get; init; }

    /// <summary>The most GetRecords calls spent on one shard (never above the configured budget).</summary>
    public int MaxGetRecordsCallsPerShard { get; init; }

    /// <summary>Shards whose reads were throttled in this collection (reported with their previous figures, method stale).</summary>
    public int ThrottledShards { get; init; }

    /// <summary>The failure's typed kind when the collection failed for a Kinesis-specific reason (for example throttled), else null.</summary>
    public Client.KinesisErrorKind? FailureKind { get; init; }
}
