using Confluent.Kafka;
using Force12.Queues.Kafka.Embedded;
using Force12.Queues.Lightbulbs.Events;

namespace Force12.Queues.Testing.Kafka;

/// <summary>
/// One embedded Kafka cluster (librdkafka's mock brokers on real TCP ports, in-process: no service needed) shared by the
/// Kafka tests of a test project. xunit only finds collection definitions in the test assembly, so each project that
/// uses it declares <c>[CollectionDefinition(KafkaFixture.CollectionName)]</c> with <c>ICollectionFixture&lt;KafkaFixture&gt;</c>.
/// </summary>
public sealed class KafkaFixture : IDisposable
{
    /// <summary>Name of the test collection that shares one fixture.</summary>
    public const string CollectionName = "embedded kafka";

    /// <summary>The running one-broker cluster.</summary>
    public EmbeddedKafkaCluster Cluster { get; } = EmbeddedKafkaCluster.Start(brokers: 1);

    /// <summary>The cluster's bootstrap servers (<c>host:port</c>).</summary>
    public string BootstrapServers => Cluster.BootstrapServers;

    /// <summary>Creates a topic no other test uses, with <paramref name="partitions"/> partitions, and returns its name.</summary>
    public string NewTopic(int partitions)
    {
        var topic = $"bulbs-{Guid.NewGuid():N}";
        Cluster.CreateTopic(topic, partitions);
        return topic;
    }

    /// <summary>Produces events with sequence numbers first .. first + count - 1, keyed by bulb (JSON), and waits for every acknowledgement.</summary>
    public void Produce(string topic, long first, int count, int bulbs = 64)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = BootstrapServers, LingerMs = 2 }).Build();
        var buffer = new byte[JsonLightbulbCodec.Instance.MaxEncodedLength];
        for (var i = 0; i < count; i++)
        {
            var e = new LightbulbEvent
            {
                Sequence = first + i, BulbId = i % bulbs, HomeId = i % bulbs / 4, On = i % 2 == 0, Brightness = (byte)(i % 101),
                EventTime = DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_000 + i),
            };
            var length = JsonLightbulbCodec.Instance.Encode(e, buffer);
            producer.Produce(topic, new Message<byte[], byte[]> { Key = LightbulbKey.Encode(e.BulbId), Value = buffer[..length] });
        }

        if (producer.Flush(TimeSpan.FromSeconds(30)) != 0)
        {
            throw new InvalidOperationException("The embedded cluster did not acknowledge every test event within 30 s.");
        }
    }

    /// <summary>The group's committed offsets summed over the topic's partitions (unset counts 0).</summary>
    public long CommittedTotal(string topic, string group, int partitions)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = BootstrapServers, GroupId = group }).Build();
        var committed = consumer.Committed(Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p)), TimeSpan.FromSeconds(10));
        return committed.Sum(c => Math.Max(0, c.Offset.Value));
    }

    /// <summary>Stops the cluster.</summary>
    public void Dispose() => Cluster.Dispose();
}
