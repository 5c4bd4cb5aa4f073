namespace Force12.Queues.Kafka.Lag;

/// <summary>What the Kafka collector does with a group that has no committed offsets and that the cluster does not know.</summary>
public enum KafkaUnknownGroupMode
{
    /// <summary>
    /// Default. The collection fails with <see cref="Force12.Queues.Core.Lag.LagErrorKind.UnknownGroup"/>:
    /// a misspelt group id must not read as a measured backlog.
    /// </summary>
    Error,

    /// <summary>
    /// Measure the named topics as if the group had no commit on any partition: each partition's lag follows
    /// <see cref="KafkaLagCollectorOptions.ResetPolicy"/> (earliest: log end minus log start; latest: 0) and its
    /// status is <see cref="Force12.Queues.Core.Lag.LagUnitStatus.NoCommit"/>. For a pipeline whose group does not
    /// exist yet (scale from zero). Needs <see cref="KafkaLagCollectorOptions.Topics"/> or
    /// <see cref="KafkaLagCollectorOptions.TopicPattern"/>: a group that never committed has no topics of its own.
    /// </summary>
    Backlog,
}
