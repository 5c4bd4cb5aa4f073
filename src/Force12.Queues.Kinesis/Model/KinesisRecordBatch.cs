namespace Force12.Queues.Kinesis.Model;

/// <summary>One GetRecords answer.</summary>
public sealed record KinesisRecordBatch
{
    /// <summary>The records, oldest first (possibly none even when more follow).</summary>
    public required IReadOnlyList<KinesisRecord> Records { get; init; }

    /// <summary>Iterator for the next call, or null when the shard is closed and fully read (shard end).</summary>
    public string? NextShardIterator { get; init; }

    /// <summary>How far the end of this answer is behind the tip of the shard, in milliseconds (0 = caught up).</summary>
    public long? MillisBehindLatest { get; init; }

    /// <summary>True when the shard is closed and nothing is left to read.</summary>
    public bool IsShardEnd => NextShardIterator is null;
}
