namespace Force12.Queues.Kinesis.Lag;

/// <summary>How the number of records behind a shard's checkpoint was obtained (sequence numbers are not dense, so never by subtraction).</summary>
public enum KinesisCountMethod
{
    /// <summary>Nothing to read: the shard is finished (<c>SHARD_END</c>) or its consumer starts at <c>LATEST</c>; 0 by definition.</summary>
    NothingWaiting,

    /// <summary>Counted record by record from the checkpoint to the tip within the read budget.</summary>
    Exact,

    /// <summary>Counted as far as the read budget allowed, plus (time still behind x arrival rate) for the rest.</summary>
    Estimated,

    /// <summary>Counted as far as the read budget allowed; the rest is unknown because no arrival rate is known yet. A lower bound.</summary>
    LowerBound,

    /// <summary>The shard's reads were throttled in this poll (its consumers use the 5 reads per second):
    /// the previous poll's count is repeated and its age grown by the time since. Never used without an earlier figure.</summary>
    Stale,
}
