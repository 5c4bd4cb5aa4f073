using Force12.Queues.Core.Pods;
using Microsoft.Extensions.DependencyInjection;

namespace Force12.Queues.Docker.Tests;

public class DockerServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDockerPodOrchestrator_Twice_RegistersOneDockerKind()
    {
        using var provider = new ServiceCollection().AddDockerPodOrchestrator().AddDockerPodOrchestrator().BuildServiceProvider();

        var orchestrator = Assert.Single(provider.GetServices<IPodOrchestrator>());

        Assert.Equal("docker", orchestrator.Kind);
        Assert.IsType<DockerPodOrchestrator>(orchestrator);
    }
}
