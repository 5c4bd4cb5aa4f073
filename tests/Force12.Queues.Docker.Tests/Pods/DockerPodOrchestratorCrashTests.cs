using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;
using Force12.Queues.Testing;

namespace Force12.Queues.Docker.Tests.Pods;

/// <summary>
/// A container that crashes by itself, or is removed by hand: reconcile replaces its pod (and logs why it died) and
/// leaves no part of the broken pod behind.
/// </summary>
[Collection(DockerdCollectionDefinition.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class DockerPodOrchestratorCrashTests : IAsyncLifetime
{
    private readonly DockerFixture _docker;
    private readonly string _pipeline = "crash-" + Guid.NewGuid().ToString("N")[..8];

    public DockerPodOrchestratorCrashTests(DockerFixture docker)
    {
        _docker = docker;
    }

    [Fact]
    public async Task Reconcile_ContainerCrashed_ReplacesPodAndLogsExitCodeAndLastOutput()
    {
        var logger = new ListLogger<DockerPodOrchestrator>();
        var orchestrator = new DockerPodOrchestrator(_docker.Client, new DockerOrchestratorOptions(), TimeProvider.System, logger);
        var crashing = Template(new Dictionary<string, string> { ["PROBE_EXIT_AFTER_MS"] = "1" });
        var first = (await orchestrator.ScaleAsync(crashing, 1)).Started[0];
        await Eventually.HoldsAsync(async () => (await orchestrator.ListPodsAsync(_pipeline)).Single().State == PodState.Exited,
            TimeSpan.FromSeconds(20), () => "the probe has crashed");

        var result = await orchestrator.ReconcileAsync(Template(new Dictionary<string, string>()));

        Assert.Equal([first.Id], result.Removed);
        Assert.Single(result.Started);
        var died = Assert.Single(logger.Entries, e => e.EventId == 5100);
        Assert.Contains("exit code 3", died.Message, StringComparison.Ordinal);
        Assert.Contains("crashing on purpose", died.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_OneContainerOfAPodRemovedByHand_ReplacesThePodAndRemovesItsOtherContainer()
    {
        var orchestrator = new DockerPodOrchestrator(_docker.Client, new DockerOrchestratorOptions(), TimeProvider.System, new ListLogger<DockerPodOrchestrator>());
        var twoContainers = Template(new Dictionary<string, string>()) with
        {
            Containers = [new ContainerTemplate { Name = "app", Image = DockerFixture.ProbeImage }, new ContainerTemplate { Name = "sidecar", Image = DockerFixture.ProbeImage }],
        };
        var first = (await orchestrator.ScaleAsync(twoContainers, 1)).Started[0];
        var sidecar = (await orchestrator.ListPodsAsync(_pipeline)).Single().Containers.Single(c => c.Name == "sidecar");

        await _docker.Client.Containers.RemoveContainerAsync(sidecar.Id, new ContainerRemoveParameters { Force = true });
        Assert.Equal(PodState.Exited, (await orchestrator.ListPodsAsync(_pipeline)).Single().State);
        var result = await orchestrator.ReconcileAsync(twoContainers);

        Assert.Equal([first.Id], result.Removed);
        var replacement = Assert.Single(await orchestrator.ListPodsAsync(_pipeline));
        Assert.NotEqual(first.Id, replacement.Id);
        Assert.Equal(2, replacement.Containers.Count);
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

    private PodTemplate Template(Dictionary<string, string> environment) => new()
    {
        Pipeline = _pipeline,
        StopGracePeriod = TimeSpan.FromSeconds(2),
        Containers = [new ContainerTemplate { Name = "app", Image = DockerFixture.ProbeImage, Environment = environment }],
    };
}
