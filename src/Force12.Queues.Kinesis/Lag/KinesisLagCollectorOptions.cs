using Force12.Queues.Kinesis.Leases;

namespace Force12.Queues.Kinesis.Lag;

/// <summary>What a <see cref="KinesisLagCollector"/> reads and how much it may spend doing it.</summary>
public sealed record KinesisLagCollectorOptions
{
    /// <summary>Kinesis allows 5 GetRecords calls per shard per second, shared by every consumer of the shard.</summary>
    public const int ShardReadsPerSecondLimit = 5;

    /// <summary>The stream. Required.</summary>
    public required string StreamName { get; init; }

    /// <summary>
    /// GetRecords calls the collector may make per shard per poll (1..5). Each counts up to
    /// <see cref="RecordsPerRead"/> records; a backlog beyond that is estimated. Default 2: at a 5 s poll
    /// interval the collector takes 2 of the shard's 25 reads (8 %), leaving the rest to the consumers.
    /// </summary>
    public int MaxReadsPerShardPerPoll { get; init; } = 2;

    /// <summary>GetRecords <c>Limit</c> (1..10000). Default 10000, the service maximum.</summary>
    public int RecordsPerRead { get; init; } = 10_000;

    /// <summary>Shards read at the same time. Default 16.</summary>
    public int MaxConcurrentShards { get; init; } = 16;

    /// <summary>Where a KCL worker starts on a shard that has no lease yet (KCL's <c>initialPositionInStream</c>).
    /// Default <see cref="KclCheckpointKind.TrimHorizon"/> (the safe side: everything retained counts as backlog).</summary>
    public KclCheckpointKind InitialPosition { get; init; } = KclCheckpointKind.TrimHorizon;

    /// <summary>How long a checkpoint may stand still while lag grows before the shard is stalled. Default 30 s.</summary>
    public TimeSpan StallAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Every problem with these options, each as <c>&lt;key&gt;: &lt;problem&gt;</c> (see <see cref="KinesisLagCollectorOptionsValidator"/>); empty when valid.</summary>
    public IReadOnlyList<string> Validate() => KinesisLagCollectorOptionsValidator.Validate(this).Select(p => p.ToString()).ToArray();
}
