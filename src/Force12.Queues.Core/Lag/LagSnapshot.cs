namespace Force12.Queues.Core.Lag;

/// <summary>One successful collection: every unit of the watched streams for one consumer group.</summary>
public sealed record LagSnapshot
{
    /// <summary>The collector kind that produced it ("kafka", "kinesis", ...).</summary>
    public required string SourceKind { get; init; }

    /// <summary>The cluster as configured (bootstrap servers, stream ARN, ...).</summary>
    public required string Cluster { get; init; }

    /// <summary>The consumer group (Kafka group id, KCL application name, ...).</summary>
    public required string Group { get; init; }

    /// <summary>When the offsets were read (from the collector's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset ObservedAt { get; init; }

    /// <summary>Every unit, ordered by stream then unit.</summary>
    public required IReadOnlyList<LagUnitSnapshot> Units { get; init; }

    /// <summary>Sums over <see cref="Units"/>.</summary>
    public required LagTotals Totals { get; init; }

    /// <summary>
    /// Whether each unit feeds one consumer of the group at a time, so pods beyond the unit count sit idle: true (the
    /// default) for Kafka partitions and Kinesis shards; false for a queue whose consumers compete for its messages
    /// (RabbitMQ), where any number of pods can work on one queue.
    /// </summary>
    public bool UnitsCapParallelism { get; init; } = true;
}
