using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;
using Force12.Queues.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Docker.Tests.Pods;

/// <summary>Docker-specific adoption cases: what a crashed agent can leave behind.</summary>
[Collection(DockerdCollectionDefinition.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class DockerPodOrchestratorAdoptionTests : IAsyncLifetime
{
    private readonly DockerFixture _docker;
    private readonly string _pipeline = "adopt-" + Guid.NewGuid().ToString("N")[..8];

    public DockerPodOrchestratorAdoptionTests(DockerFixture docker)
    {
        _docker = docker;
    }

    [Fact]
    public async Task Reconcile_HalfCreatedPodLeftByCrashedAgent_RemovesItWholeAndStartsAFullPod()
    {
        var template = Template();
        var options = new DockerOrchestratorOptions();
        // What an agent that died between the two creates leaves: container 0 of a two-container pod, running.
        var half = DockerContainerSpec.Create(template, 0, _pipeline + "-half000000", DateTimeOffset.UnixEpoch, options);
        var created = await _docker.Client.Containers.CreateContainerAsync(half);
        await _docker.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        var orchestrator = CreateOrchestrator();

        var listed = Assert.Single(await orchestrator.ListPodsAsync(_pipeline));
        var result = await orchestrator.ReconcileAsync(template);

        Assert.Equal(PodState.Exited, listed.State);
        Assert.Equal([_pipeline + "-half000000"], result.Removed);
        var pod = Assert.Single(await orchestrator.ListPodsAsync(_pipeline));
        Assert.Equal(["app", "sidecar"], pod.Containers.Select(c => c.Name));
        await Assert.ThrowsAsync<global::Docker.DotNet.DockerContainerNotFoundException>(() => _docker.Client.Containers.InspectContainerAsync(created.ID));
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

    private DockerPodOrchestrator CreateOrchestrator() =>
        new(_docker.Client, new DockerOrchestratorOptions(), TimeProvider.System, NullLogger<DockerPodOrchestrator>.Instance);

    private PodTemplate Template() => new()
    {
        Pipeline = _pipeline,
        StopGracePeriod = TimeSpan.FromSeconds(2),
        Containers =
        [
            new ContainerTemplate { Name = "app", Image = DockerFixture.ProbeImage },
            new ContainerTemplate { Name = "sidecar", Image = DockerFixture.ProbeImage },
        ],
    };
}
