using Confluent.Kafka;
using Force12.Queues.Kafka.Embedded;

namespace Force12.Queues.Kafka.Tests.Embedded;

[Collection(EmbeddedKafkaGroup.Name)]
public sealed class EmbeddedKafkaClusterTests(EmbeddedKafkaFixture kafka)
{
    [Fact]
    public void Start_ThreeBrokers_ListsThreeLoopbackBootstrapAddresses()
    {
        var addresses = kafka.BootstrapServers.Split(',');

        Assert.Equal(3, addresses.Length);
        Assert.All(addresses, a => Assert.StartsWith("127.0.0.1:", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateTopic_ThenProduceAndConsume_RoundTripsTheMessage()
    {
        var topic = EmbeddedKafkaFixture.UniqueName("roundtrip");
        kafka.Cluster.CreateTopic(topic, partitions: 2);

        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, partition: 1, count: 1);

        using var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = topic }).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 1, Offset.Beginning));
        var record = consumer.Consume(TimeSpan.FromSeconds(10));
        Assert.Equal("bulb-0", record?.Message.Value);
        kafka.Cluster.DeleteTopic(topic);
    }

    [Fact]
    public void CreateTopic_Twice_ThrowsNamingTheTopic()
    {
        var topic = EmbeddedKafkaFixture.UniqueName("twice");
        kafka.Cluster.CreateTopic(topic, partitions: 1);

        var error = Assert.Throws<InvalidOperationException>(() => kafka.Cluster.CreateTopic(topic, partitions: 1));
        kafka.Cluster.DeleteTopic(topic);

        Assert.Contains(topic, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_Twice_DoesNotThrowAndLaterCallsAreRefused()
    {
        var cluster = EmbeddedKafkaCluster.Start();
        cluster.Dispose();
        cluster.Dispose();

        Assert.Throws<ObjectDisposedException>(() => cluster.CreateTopic("late", 1));
    }
}
