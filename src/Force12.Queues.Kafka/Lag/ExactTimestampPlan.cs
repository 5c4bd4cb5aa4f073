using Confluent.Kafka;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.Kafka.Lag;

/// <summary>Chooses which partitions get an exact timestamp read this poll (pure: no I/O).</summary>
internal static class ExactTimestampPlan
{
    /// <summary>
    /// <see cref="KafkaTimeLagMode.Exact"/>: every lagging partition, at its next offset to process.
    /// <see cref="KafkaTimeLagMode.Estimated"/>: only lagging partitions the tracker cannot interpolate
    /// (and has no earlier read for), largest lag first, at most <see cref="KafkaLagCollectorOptions.ExactLookupBudget"/>.
    /// </summary>
    public static List<TopicPartitionOffset> Positions(
        IReadOnlyList<TopicPartition> partitions,
        IReadOnlyDictionary<TopicPartition, (long Start, long End)> offsets,
        IReadOnlyDictionary<TopicPartition, long> committed,
        KafkaLagCollectorOptions options,
        LagTracker tracker)
    {
        var lagging = partitions
            .Select(p => (Partition: p, offsets[p].End,
                Next: BacklogMath.NextToProcess(offsets[p].Start, offsets[p].End, committed.TryGetValue(p, out var c) ? c : null, options.ResetPolicy)))
            .Where(x => x.Next < x.End);
        if (options.TimeLag == KafkaTimeLagMode.Estimated)
        {
            lagging = lagging
                .Where(x => tracker.NeedsExactTimestamp(KafkaLagCollector.ToUnit(x.Partition), x.Next, x.End))
                .OrderByDescending(x => x.End - x.Next)
                .Take(options.ExactLookupBudget);
        }

        return lagging.Select(x => new TopicPartitionOffset(x.Partition, x.Next)).ToList();
    }
}
