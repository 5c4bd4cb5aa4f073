namespace Force12.Queues.Kinesis.Model;

/// <summary>Where a shard iterator starts.</summary>
public enum ShardIteratorType
{
    /// <summary>At the oldest retained record.</summary>
    TrimHorizon,

    /// <summary>After the newest record: only records written from now on.</summary>
    Latest,

    /// <summary>At the given sequence number.</summary>
    AtSequenceNumber,

    /// <summary>Just after the given sequence number (resume after a checkpoint).</summary>
    AfterSequenceNumber,

    /// <summary>At the first record written at or after the given time.</summary>
    AtTimestamp,
}
