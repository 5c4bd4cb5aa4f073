using System.Numerics;

namespace Force12.Queues.Kinesis.Lag;

/// <summary>What reading one shard found.</summary>
internal sealed record ScanResult
{
    public static ScanResult Nothing { get; } = new() { ReachedTip = true };

    /// <summary>Records counted after the lag boundary.</summary>
    public long Counted { get; init; }

    /// <summary>True when the scan reached the tip (a short answer with MillisBehindLatest 0, or the shard end).</summary>
    public bool ReachedTip { get; init; }

    /// <summary>Records that arrived since the last poll, when known exactly; else null.</summary>
    public long? Arrivals { get; init; }

    /// <summary>Arrival time of the first backlog record (the oldest unprocessed one).</summary>
    public DateTimeOffset? OldestUnprocessedArrival { get; init; }

    /// <summary>Arrival time of the last record read.</summary>
    public DateTimeOffset? LastReadArrival { get; init; }

    /// <summary>Newest sequence number read.</summary>
    public BigInteger? NewestSequence { get; init; }

    /// <summary>MillisBehindLatest of the last answer.</summary>
    public long? MillisBehindLatest { get; init; }

    /// <summary>GetRecords calls made.</summary>
    public int GetRecordsCalls { get; init; }

    /// <summary>GetShardIterator calls made.</summary>
    public int GetShardIteratorCalls { get; init; }
}
