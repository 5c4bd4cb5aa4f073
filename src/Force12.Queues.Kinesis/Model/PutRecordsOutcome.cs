using System.Numerics;

namespace Force12.Queues.Kinesis.Model;

/// <summary>The result of one PutRecords entry: where it landed, or why it failed (then retry it).</summary>
public sealed record PutRecordsOutcome
{
    /// <summary>The shard it was written to, or null when it failed.</summary>
    public string? ShardId { get; init; }

    /// <summary>Its sequence number, or null when it failed.</summary>
    public BigInteger? SequenceNumber { get; init; }

    /// <summary>The error code (for example <c>ProvisionedThroughputExceededException</c>), or null on success.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>True when the entry was written.</summary>
    public bool Succeeded => ErrorCode is null;
}
