using Confluent.Kafka;

namespace Force12.Queues.Kafka.Lag;

/// <summary>
/// The few Kafka reads the lag collector needs, so unit tests fake this seam and integration
/// tests use the real cluster. Failures throw <see cref="KafkaException"/> (or
/// <see cref="PartitionReadException"/> when some partitions failed); the collector classifies them.
/// </summary>
internal interface IKafkaOffsetsClient : IDisposable
{
    /// <summary>Partition count of every topic in the cluster metadata (one Metadata request).</summary>
    Task<IReadOnlyDictionary<string, int>> GetTopicPartitionCountsAsync(CancellationToken cancellationToken);

    /// <summary>The group's committed offsets on <paramref name="partitions"/>, or on every partition it
    /// committed on when null (one OffsetFetch request); partitions without a commit are left out.</summary>
    Task<IReadOnlyDictionary<TopicPartition, long>> FetchCommittedOffsetsAsync(
        string group, IReadOnlyList<TopicPartition>? partitions, CancellationToken cancellationToken);

    /// <summary>Log start and log end of each partition, read in batches of ListOffsets requests.</summary>
    Task<IReadOnlyDictionary<TopicPartition, (long Start, long End)>> ListOffsetsAsync(
        IReadOnlyList<TopicPartition> partitions, CancellationToken cancellationToken);

    /// <summary>The timestamp of the message at each position; positions that return no message
    /// before the timeout are left out.</summary>
    Task<IReadOnlyDictionary<TopicPartition, DateTimeOffset>> ReadTimestampsAsync(
        IReadOnlyList<TopicPartitionOffset> positions, CancellationToken cancellationToken);

    /// <summary>Whether the group is known to the cluster (has members or state), or null when the
    /// cluster cannot say (for example it does not support DescribeGroups).</summary>
    Task<bool?> GroupExistsAsync(string group, CancellationToken cancellationToken);
}
