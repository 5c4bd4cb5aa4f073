namespace Force12.Queues.Kinesis.Leases;

/// <summary>What a KCL checkpoint holds: a real sequence number or one of the sentinels KCL writes.</summary>
public enum KclCheckpointKind
{
    /// <summary>Processed up to and including a sequence number.</summary>
    SequenceNumber,

    /// <summary><c>TRIM_HORIZON</c>: nothing processed yet; start at the oldest retained record.</summary>
    TrimHorizon,

    /// <summary><c>LATEST</c>: nothing processed yet; start at the tip (records already there are skipped).</summary>
    Latest,

    /// <summary><c>AT_TIMESTAMP</c>: nothing processed yet; start at the application's configured timestamp.</summary>
    AtTimestamp,

    /// <summary><c>SHARD_END</c>: the (closed) shard was processed to its end; its children take over.</summary>
    ShardEnd,
}
