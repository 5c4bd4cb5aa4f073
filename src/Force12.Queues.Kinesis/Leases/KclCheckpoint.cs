using System.Numerics;
using Force12.Queues.Kinesis.Client;

namespace Force12.Queues.Kinesis.Leases;

/// <summary>
/// A KCL checkpoint as stored in the lease table's <c>checkpoint</c> and <c>checkpointSubSequenceNumber</c>
/// attributes: a sequence number (with the sub-sequence of a KPL-aggregated record) or a sentinel.
/// </summary>
/// <param name="Kind">Sequence number or sentinel.</param>
/// <param name="SequenceNumber">The sequence number when <paramref name="Kind"/> is <see cref="KclCheckpointKind.SequenceNumber"/>.</param>
/// <param name="SubSequenceNumber">Position inside an aggregated record; 0 when not aggregated.</param>
public readonly record struct KclCheckpoint(KclCheckpointKind Kind, BigInteger? SequenceNumber = null, long SubSequenceNumber = 0)
{
    /// <summary>The <c>TRIM_HORIZON</c> sentinel.</summary>
    public static KclCheckpoint TrimHorizon => new(KclCheckpointKind.TrimHorizon);

    /// <summary>The <c>LATEST</c> sentinel.</summary>
    public static KclCheckpoint Latest => new(KclCheckpointKind.Latest);

    /// <summary>The <c>AT_TIMESTAMP</c> sentinel.</summary>
    public static KclCheckpoint AtTimestamp => new(KclCheckpointKind.AtTimestamp);

    /// <summary>The <c>SHARD_END</c> sentinel.</summary>
    public static KclCheckpoint ShardEnd => new(KclCheckpointKind.ShardEnd);

    /// <summary>True when a real record position was checkpointed (not a starting sentinel).</summary>
    public bool HasProcessed => Kind is KclCheckpointKind.SequenceNumber or KclCheckpointKind.ShardEnd;

    /// <summary>A checkpoint after the record with sequence number <paramref name="sequenceNumber"/>.</summary>
    public static KclCheckpoint At(BigInteger sequenceNumber, long subSequenceNumber = 0) =>
        new(KclCheckpointKind.SequenceNumber, sequenceNumber, subSequenceNumber);

    /// <summary>Parses the stored text; throws <see cref="FormatException"/> naming it when it is neither a sentinel nor a sequence number.</summary>
    public static KclCheckpoint Parse(string text, long subSequenceNumber = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text switch
        {
            "TRIM_HORIZON" => TrimHorizon,
            "LATEST" => Latest,
            "AT_TIMESTAMP" => AtTimestamp,
            "SHARD_END" => ShardEnd,
            _ => At(SequenceNumbers.Parse(text), subSequenceNumber),
        };
    }

    /// <summary>The stored text: the sentinel's name or the decimal sequence number.</summary>
    public override string ToString() => Kind switch
    {
        KclCheckpointKind.TrimHorizon => "TRIM_HORIZON",
        KclCheckpointKind.Latest => "LATEST",
        KclCheckpointKind.AtTimestamp => "AT_TIMESTAMP",
        KclCheckpointKind.ShardEnd => "SHARD_END",
        _ => SequenceNumbers.Format(SequenceNumber ?? BigInteger.Zero),
    };
}
