using System.Numerics;

namespace Force12.Queues.Kinesis.Model;

/// <summary>One record read by GetRecords.</summary>
public sealed record KinesisRecord
{
    /// <summary>Sequence number (up to 128-bit decimal; unique per shard, increasing, not dense).</summary>
    public required BigInteger SequenceNumber { get; init; }

    /// <summary>When Kinesis accepted the record (server clock, millisecond precision).</summary>
    public required DateTimeOffset ApproximateArrivalTimestamp { get; init; }

    /// <summary>The partition key the producer gave.</summary>
    public required string PartitionKey { get; init; }

    /// <summary>The payload.</summary>
    public required ReadOnlyMemory<byte> Data { get; init; }
}
