using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;
using Force12.Queues.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Docker.Tests.Pods;

/// <summary>The containers of a pod share container 0's network namespace, as a Kubernetes pod's do.</summary>
[Collection(DockerdCollectionDefinition.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class DockerPodNetworkTests : IAsyncLifetime
{
    private readonly DockerFixture _docker;
    private readonly string _pipeline = "net-" + Guid.NewGuid().ToString("N")[..8];

    public DockerPodNetworkTests(DockerFixture docker)
    {
        _docker = docker;
    }

    [Fact]
    public async Task Scale_PodNetworking_SidecarRunsInContainerZerosNetworkNamespace()
    {
        var orchestrator = new DockerPodOrchestrator(_docker.Client, new DockerOrchestratorOptions(), TimeProvider.System, NullLogger<DockerPodOrchestrator>.Instance);
        var template = new PodTemplate
        {
            Pipeline = _pipeline,
            StopGracePeriod = TimeSpan.FromSeconds(2),
            Containers =
            [
                new ContainerTemplate { Name = "app", Image = DockerFixture.ProbeImage },
                new ContainerTemplate { Name = "sidecar", Image = DockerFixture.ProbeImage },
            ],
        };

        var pod = Assert.Single((await orchestrator.ScaleAsync(template, 1)).Started);

        var owner = await _docker.Client.Containers.InspectContainerAsync(pod.Containers[0].Id);
        var sidecar = await _docker.Client.Containers.InspectContainerAsync(pod.Containers[1].Id);
        Assert.Equal("none", owner.HostConfig.NetworkMode);
        Assert.Equal($"container:force12-{pod.Id}-app", sidecar.HostConfig.NetworkMode);
        var ownerNamespace = new FileInfo($"/proc/{owner.State.Pid}/ns/net").LinkTarget;
        var sidecarNamespace = new FileInfo($"/proc/{sidecar.State.Pid}/ns/net").LinkTarget;
        var hostNamespace = new FileInfo("/proc/self/ns/net").LinkTarget;
        Assert.StartsWith("net:[", ownerNamespace, StringComparison.Ordinal);
        Assert.Equal(ownerNamespace, sidecarNamespace);
        Assert.NotEqual(hostNamespace, ownerNamespace);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var containers = await _docker.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{PodLabels.Pipeline}={_pipeline}"] = true },
            },
        });
        foreach (var container in containers)
        {
            await _docker.Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }
    }
}
