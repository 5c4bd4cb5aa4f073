using Force12.Queues.Core.Lag;

namespace Force12.Queues.Kinesis.Lag;

/// <summary>One shard as one collection saw it, with the Kinesis-specific details the generic <see cref="LagUnitSnapshot"/> leaves out.</summary>
public sealed record KinesisShardLag
{
    /// <summary>The shard's unit snapshot (lag, seconds, rates, status).</summary>
    public required LagUnitSnapshot Unit { get; init; }

    /// <summary>False once the shard was closed by a split or merge.</summary>
    public required bool IsOpen { get; init; }

    /// <summary>The shard's parents (after a split or merge).</summary>
    public IReadOnlyList<string> ParentShardIds { get; init; } = [];

    /// <summary>The lease's checkpoint as stored (sequence number or sentinel), or null when the shard has no lease.</summary>
    public string? Checkpoint { get; init; }

    /// <summary>The worker holding the lease, or null.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>How <see cref="LagUnitSnapshot.Lag"/> was obtained.</summary>
    public required KinesisCountMethod LagMethod { get; init; }

    /// <summary>True when the shard counts as a unit of parallelism (open, or closed with work left).</summary>
    public required bool IsActive { get; init; }

    /// <summary>GetRecords calls spent on this shard in this collection.</summary>
    public int GetRecordsCalls { get; init; }

    /// <summary>GetShardIterator calls spent on this shard in this collection.</summary>
    public int GetShardIteratorCalls { get; init; }
}
