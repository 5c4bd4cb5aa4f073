namespace Force12.Queues.Swarm.Tests;

/// <summary>The real-engine tests share one swarm and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SwarmCollectionDefinition : ICollectionFixture<SwarmFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "swarm";
}
