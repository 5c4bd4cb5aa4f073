using Confluent.Kafka;

namespace Force12.Queues.Kafka.Tests.Embedded;

/// <summary>Real producers and consumer groups for the integration tests.</summary>
internal static class KafkaTestClient
{
    /// <summary>Produces <paramref name="count"/> messages to one partition, each with the timestamp
    /// <paramref name="timestampOf"/> gives for its index (producer-set CreateTime).</summary>
    public static async Task ProduceAsync(string bootstrap, string topic, int partition, int count, Func<int, DateTimeOffset>? timestampOf = null)
    {
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = bootstrap, Acks = Acks.All }).Build();
        for (var i = 0; i < count; i++)
        {
            var message = new Message<Null, string> { Value = $"bulb-{i}" };
            if (timestampOf is not null)
            {
                message.Timestamp = new Timestamp(timestampOf(i));
            }

            await producer.ProduceAsync(new TopicPartition(topic, partition), message);
        }
    }

    /// <summary>
    /// Consumes as member of <paramref name="group"/> the first <c>counts[partition]</c> messages of
    /// each listed partition, then commits the offset after the last one, as a pipeline pod does.
    /// </summary>
    public static void ConsumeAndCommit(string bootstrap, string group, string topic, IReadOnlyDictionary<int, int> counts)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = group,
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };
        using var consumer = new ConsumerBuilder<Ignore, string>(config).Build();
        var wanted = counts.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value);
        consumer.Assign(wanted.Keys.Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var consumed = wanted.Keys.ToDictionary(p => p, _ => 0);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (consumed.Any(c => c.Value < wanted[c.Key]))
        {
            Assert.True(DateTime.UtcNow < deadline, $"consumed only {string.Join(", ", consumed)} of {topic} within 30 s");
            var record = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (record is null || consumed[record.Partition.Value] >= wanted[record.Partition.Value])
            {
                continue;
            }

            consumed[record.Partition.Value]++;
            if (consumed[record.Partition.Value] == wanted[record.Partition.Value])
            {
                consumer.Commit([new TopicPartitionOffset(record.TopicPartition, record.Offset + 1)]);
            }
        }

        consumer.Close();
    }

    /// <summary>Commits explicit offsets for <paramref name="group"/> without consuming (to move a group by hand).</summary>
    public static void Commit(string bootstrap, string group, params TopicPartitionOffset[] offsets)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrap, GroupId = group, EnableAutoCommit = false };
        using var consumer = new ConsumerBuilder<Ignore, string>(config).Build();
        consumer.Commit(offsets);
        consumer.Close();
    }
}
