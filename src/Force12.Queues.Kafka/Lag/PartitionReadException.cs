using Confluent.Kafka;

namespace Force12.Queues.Kafka.Lag;

/// <summary>Some partitions of a bulk read failed; carries each partition's error.</summary>
internal sealed class PartitionReadException : Exception
{
    public PartitionReadException(string operation, int partitionsAsked, IReadOnlyList<(TopicPartition Partition, Error Error)> failures)
        : base(Describe(operation, failures))
    {
        PartitionsAsked = partitionsAsked;
        Failures = failures;
    }

    /// <summary>How many partitions the failed request asked for.</summary>
    public int PartitionsAsked { get; }

    public IReadOnlyList<(TopicPartition Partition, Error Error)> Failures { get; }

    private static string Describe(string operation, IReadOnlyList<(TopicPartition Partition, Error Error)> failures)
    {
        var shown = string.Join(", ", failures.Take(5).Select(f => $"{f.Partition.Topic}[{f.Partition.Partition.Value}]: {f.Error.Reason}"));
        var more = failures.Count > 5 ? $" and {failures.Count - 5} more" : string.Empty;
        return $"{operation} failed for {failures.Count} partition(s): {shown}{more}";
    }
}
