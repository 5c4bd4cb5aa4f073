using Force12.Queues.Kafka.Embedded;

namespace Force12.Queues.Kafka.Tests.Embedded;

/// <summary>One embedded 3-broker cluster shared by the integration tests; each test makes its own topics and groups.</summary>
public sealed class EmbeddedKafkaFixture : IDisposable
{
    public EmbeddedKafkaFixture()
    {
        Cluster = EmbeddedKafkaCluster.Start(brokers: 3);
    }

    public EmbeddedKafkaCluster Cluster { get; }

    public string BootstrapServers => Cluster.BootstrapServers;

    /// <summary>A topic name no other test uses.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public void Dispose() => Cluster.Dispose();
}

[CollectionDefinition(Name)]
public sealed class EmbeddedKafkaGroup : ICollectionFixture<EmbeddedKafkaFixture>
{
    public const string Name = "embedded kafka";
}
