namespace Force12.Queues.Kafka.Lag;

/// <summary>How the Kafka collector obtains the age of the oldest unprocessed message.</summary>
public enum KafkaTimeLagMode
{
    /// <summary>
    /// Default. Interpolate over each partition's table of (log-end offset, time) points, which costs
    /// nothing beyond the offsets already read, so it stays cheap at 10,000 partitions. Where the
    /// table cannot interpolate yet (the first polls, or a committed offset older than the table) the
    /// collector reads exact timestamps for up to <see cref="KafkaLagCollectorOptions.ExactLookupBudget"/>
    /// lagging partitions per poll, largest lag first; the rest report an unknown age until the table fills.
    /// </summary>
    Estimated,

    /// <summary>
    /// Read the message at the committed offset of every lagging partition and use its timestamp
    /// (one fetch per lagging partition per poll): exact, but its cost grows with lagging partitions.
    /// </summary>
    Exact,
}
