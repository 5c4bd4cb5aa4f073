namespace Force12.Queues.Kinesis.Leases;

/// <summary>One row of a KCL lease table (KCL 1.x / 2.x / 3.x attribute names).</summary>
public sealed record KclLease
{
    /// <summary><c>leaseKey</c>: the table's hash key.</summary>
    public required KclLeaseKey Key { get; init; }

    /// <summary><c>checkpoint</c> and <c>checkpointSubSequenceNumber</c>; null when the row has none.</summary>
    public KclCheckpoint? Checkpoint { get; init; }

    /// <summary><c>leaseOwner</c>: the worker holding the lease, or null when free.</summary>
    public string? Owner { get; init; }

    /// <summary><c>leaseCounter</c>: bumped by every renewal, take and checkpoint; the fencing token of conditional writes.</summary>
    public long Counter { get; init; }

    /// <summary><c>ownerSwitchesSinceCheckpoint</c>.</summary>
    public long OwnerSwitchesSinceCheckpoint { get; init; }

    /// <summary><c>parentShardId</c> (string set): shards to finish before this one.</summary>
    public IReadOnlyList<string> ParentShardIds { get; init; } = [];

    /// <summary><c>childShardIds</c> (string set, KCL 2.3+): shards that continue this one after its end.</summary>
    public IReadOnlyList<string> ChildShardIds { get; init; } = [];

    /// <summary>The shard id (from the key).</summary>
    public string ShardId => Key.ShardId;

    /// <summary>True when the shard was processed to its end.</summary>
    public bool IsFinished => Checkpoint?.Kind == KclCheckpointKind.ShardEnd;
}
