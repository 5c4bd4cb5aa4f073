namespace Force12.Queues.Docker.Tests;

[CollectionDefinition(Name)]
public sealed class DockerdCollectionDefinition : ICollectionFixture<DockerFixture>
{
    public const string Name = "dockerd";
}
