using System.Numerics;
using Force12.Queues.Kinesis.Leases;

namespace Force12.Queues.Kinesis.Lag;

/// <summary>
/// Where to start reading a shard and which records count as lag. Pure. The scan starts at the older
/// of the checkpoint and the last poll's tip, so that one pass counts both the backlog (after the
/// checkpoint) and the arrivals since the last poll (after the old tip).
/// </summary>
/// <param name="Read">False when nothing needs reading (finished shard, or a consumer starting at LATEST).</param>
/// <param name="StartAfter">Start just after this sequence number; null with <paramref name="Read"/> = start at TRIM_HORIZON.</param>
/// <param name="LagAfter">Records after this sequence number are backlog; null = every record read is backlog.</param>
/// <param name="HasCommit">True when the consumer checkpointed a real position (or SHARD_END).</param>
internal sealed record ScanPlan(bool Read, BigInteger? StartAfter, BigInteger? LagAfter, bool HasCommit)
{
    public static ScanPlan For(KclCheckpoint? checkpoint, KclCheckpointKind initialPosition, ShardHistory history)
    {
        var kind = checkpoint?.Kind ?? initialPosition;
        switch (kind)
        {
            case KclCheckpointKind.ShardEnd:
                return new ScanPlan(false, null, null, HasCommit: true);
            case KclCheckpointKind.Latest:
                return new ScanPlan(false, null, null, HasCommit: false);
            case KclCheckpointKind.SequenceNumber:
                var at = checkpoint!.Value.SequenceNumber!.Value;
                var start = history is { TipKnown: true, TipSequence: { } tip } && tip < at ? tip : at;
                return new ScanPlan(true, start, at, HasCommit: true);
            default:
                // TRIM_HORIZON, and AT_TIMESTAMP (its timestamp lives in the KCL app's config, not the table):
                // everything retained counts, an upper bound for AT_TIMESTAMP.
                return new ScanPlan(true, null, null, HasCommit: false);
        }
    }
}
