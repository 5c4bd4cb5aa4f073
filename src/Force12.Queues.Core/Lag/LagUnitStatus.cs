namespace Force12.Queues.Core.Lag;

/// <summary>The health of one unit (partition, shard, queue) as seen by its consumer group.</summary>
public enum LagUnitStatus
{
    /// <summary>Lag is positive and the consumer is making progress.</summary>
    Ok,

    /// <summary>Nothing is waiting: the committed position is at the log end.</summary>
    CaughtUp,

    /// <summary>The group has never committed on this unit; lag follows the reset policy.</summary>
    NoCommit,

    /// <summary>The committed position has not moved for the stall window while lag grew: more pods will not help.</summary>
    Stalled,
}
