using Confluent.Kafka;
using Force12.Queues.Kafka.Lag;

namespace Force12.Queues.Kafka.Tests.Lag;

/// <summary>A scripted <see cref="IKafkaOffsetsClient"/> that records what the collector asked for.</summary>
internal sealed class FakeOffsetsClient : IKafkaOffsetsClient
{
    public Dictionary<string, int> Topics { get; } = [];
    public Dictionary<TopicPartition, long> Committed { get; } = [];
    public Dictionary<TopicPartition, (long Start, long End)> Offsets { get; } = [];
    public Dictionary<TopicPartition, DateTimeOffset> Timestamps { get; } = [];
    public Exception? FailWith { get; set; }
    public bool? GroupExists { get; set; }
    public List<IReadOnlyList<TopicPartitionOffset>> TimestampRequests { get; } = [];
    public int OffsetFetchCalls { get; private set; }
    public int ListOffsetsCalls { get; private set; }
    public int GroupExistsCalls { get; private set; }
    public bool Disposed { get; private set; }

    public Task<IReadOnlyDictionary<string, int>> GetTopicPartitionCountsAsync(CancellationToken cancellationToken) =>
        FailWith is { } e ? Task.FromException<IReadOnlyDictionary<string, int>>(e) : Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>(Topics));

    public Task<IReadOnlyDictionary<TopicPartition, long>> FetchCommittedOffsetsAsync(
        string group, IReadOnlyList<TopicPartition>? partitions, CancellationToken cancellationToken)
    {
        OffsetFetchCalls++;
        var wanted = partitions?.ToHashSet();
        return Task.FromResult<IReadOnlyDictionary<TopicPartition, long>>(
            Committed.Where(c => wanted is null || wanted.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value));
    }

    public Task<IReadOnlyDictionary<TopicPartition, (long Start, long End)>> ListOffsetsAsync(
        IReadOnlyList<TopicPartition> partitions, CancellationToken cancellationToken)
    {
        ListOffsetsCalls++;
        return Task.FromResult<IReadOnlyDictionary<TopicPartition, (long Start, long End)>>(
            partitions.Where(Offsets.ContainsKey).ToDictionary(p => p, p => Offsets[p]));
    }

    public Task<IReadOnlyDictionary<TopicPartition, DateTimeOffset>> ReadTimestampsAsync(
        IReadOnlyList<TopicPartitionOffset> positions, CancellationToken cancellationToken)
    {
        TimestampRequests.Add(positions);
        return Task.FromResult<IReadOnlyDictionary<TopicPartition, DateTimeOffset>>(
            positions.Where(p => Timestamps.ContainsKey(p.TopicPartition)).ToDictionary(p => p.TopicPartition, p => Timestamps[p.TopicPartition]));
    }

    public Task<bool?> GroupExistsAsync(string group, CancellationToken cancellationToken)
    {
        GroupExistsCalls++;
        return Task.FromResult(GroupExists);
    }

    public void Dispose() => Disposed = true;

    /// <summary>Adds a topic whose every partition has the given offsets.</summary>
    public void AddTopic(string topic, int partitions, long start, long end, long? committed)
    {
        Topics[topic] = partitions;
        for (var p = 0; p < partitions; p++)
        {
            Offsets[new TopicPartition(topic, p)] = (start, end);
            if (committed is { } c)
            {
                Committed[new TopicPartition(topic, p)] = c;
            }
        }
    }
}
