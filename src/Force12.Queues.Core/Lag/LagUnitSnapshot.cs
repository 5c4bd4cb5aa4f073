namespace Force12.Queues.Core.Lag;

/// <summary>
/// What one unit (partition, shard, queue) looked like at one collection. Positions are dense integer
/// offsets for Kafka; sources whose positions are not dense (Kinesis sequence numbers) or absent
/// (RabbitMQ) leave them null and report an estimated <see cref="Lag"/>.
/// </summary>
public sealed record LagUnitSnapshot
{
    /// <summary>The unit.</summary>
    public required LagUnitId Id { get; init; }

    /// <summary>First retained offset (moves forward with retention), or null when the source has none.</summary>
    public long? LogStartOffset { get; init; }

    /// <summary>Offset the next message will get (high watermark), or null when the source has none.</summary>
    public long? LogEndOffset { get; init; }

    /// <summary>The group's committed offset, or null when the group never committed on this unit.</summary>
    public long? CommittedOffset { get; init; }

    /// <summary>Messages waiting to be processed; never negative.</summary>
    public required long Lag { get; init; }

    /// <summary>Age of the oldest unprocessed message in seconds, or null when unknown; never negative.</summary>
    public double? LagSeconds { get; init; }

    /// <summary>How <see cref="LagSeconds"/> was obtained.</summary>
    public TimeLagMethod LagSecondsMethod { get; init; }

    /// <summary>Arrival rate in messages per second (growth of the log end), null until two observations exist.</summary>
    public double? ArrivalRate { get; init; }

    /// <summary>Processing rate in messages per second (growth of the committed offset), null until known.</summary>
    public double? ProcessingRate { get; init; }

    /// <summary>The unit's status.</summary>
    public required LagUnitStatus Status { get; init; }
}
