using Force12.Queues.Testing.Kafka;

namespace Force12.Queues.Lightbulbs.Tests;

/// <summary>The tests that share one embedded Kafka cluster (xunit needs the definition in the test assembly).</summary>
[CollectionDefinition(Name)]
public sealed class KafkaGroup : ICollectionFixture<KafkaFixture>
{
    public const string Name = KafkaFixture.CollectionName;
}
