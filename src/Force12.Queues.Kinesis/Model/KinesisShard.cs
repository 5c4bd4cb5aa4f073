using System.Numerics;

namespace Force12.Queues.Kinesis.Model;

/// <summary>One shard as ListShards describes it. A shard is closed once it has an ending sequence number (after a split or merge).</summary>
public sealed record KinesisShard
{
    /// <summary>The shard id, for example <c>shardId-000000000003</c>.</summary>
    public required string ShardId { get; init; }

    /// <summary>The shard this one was split from, or the first parent of a merge; null for an original shard.</summary>
    public string? ParentShardId { get; init; }

    /// <summary>The second parent of a merge, or null.</summary>
    public string? AdjacentParentShardId { get; init; }

    /// <summary>First hash key the shard owns (0 .. 2^128 - 1).</summary>
    public required BigInteger StartingHashKey { get; init; }

    /// <summary>Last hash key the shard owns.</summary>
    public required BigInteger EndingHashKey { get; init; }

    /// <summary>Sequence number of the shard's first record slot.</summary>
    public required BigInteger StartingSequenceNumber { get; init; }

    /// <summary>Sequence number at which the shard closed, or null while it is open.</summary>
    public BigInteger? EndingSequenceNumber { get; init; }

    /// <summary>True while the shard accepts writes.</summary>
    public bool IsOpen => EndingSequenceNumber is null;

    /// <summary>The parents (zero, one or two).</summary>
    public IReadOnlyList<string> ParentShardIds =>
        new[] { ParentShardId, AdjacentParentShardId }.Where(p => p is not null).Select(p => p!).ToArray();
}
