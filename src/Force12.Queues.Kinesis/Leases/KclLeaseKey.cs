namespace Force12.Queues.Kinesis.Leases;

/// <summary>
/// A lease key as KCL writes it: the shard id for a single-stream application, or
/// <c>account:stream:creationEpoch:shardId</c> for a multi-stream one (KCL 2.3+).
/// </summary>
/// <param name="StreamIdentifier">The <c>account:stream:creationEpoch</c> part, or null for a single-stream key.</param>
/// <param name="StreamName">The stream's name, or null for a single-stream key (the application's only stream).</param>
/// <param name="ShardId">The shard id.</param>
public readonly record struct KclLeaseKey(string? StreamIdentifier, string? StreamName, string ShardId)
{
    /// <summary>Splits a stored lease key. Stream names cannot contain ':', so the split is unambiguous.</summary>
    public static KclLeaseKey Parse(string leaseKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseKey);
        var parts = leaseKey.Split(':');
        return parts.Length == 4
            ? new KclLeaseKey($"{parts[0]}:{parts[1]}:{parts[2]}", parts[1], parts[3])
            : new KclLeaseKey(null, null, leaseKey);
    }

    /// <summary>The key of a single-stream lease.</summary>
    public static KclLeaseKey ForShard(string shardId) => new(null, null, shardId);

    /// <summary>The key of a multi-stream lease.</summary>
    public static KclLeaseKey ForStreamShard(string accountId, string streamName, long creationEpochSeconds, string shardId) =>
        new($"{accountId}:{streamName}:{creationEpochSeconds}", streamName, shardId);

    /// <summary>True for an <c>account:stream:epoch:shardId</c> key.</summary>
    public bool IsMultiStream => StreamIdentifier is not null;

    /// <summary>True when the lease belongs to <paramref name="stream"/>: single-stream keys belong to every stream
    /// (the table serves one), multi-stream keys only to the stream they name.</summary>
    public bool BelongsTo(string stream) => StreamName is null || string.Equals(StreamName, stream, StringComparison.Ordinal);

    /// <summary>The stored text.</summary>
    public override string ToString() => StreamIdentifier is null ? ShardId : $"{StreamIdentifier}:{ShardId}";
}
