using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;
using Force12.Queues.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Docker.Tests.Pods;

/// <summary>Standby pods (<see cref="PodTemplate.StandbyPods"/>) against the real dockerd: created, never listed, started first, adopted, removed at zero.</summary>
[Collection(DockerdCollectionDefinition.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class DockerPodOrchestratorStandbyTests : IAsyncLifetime
{
    private readonly DockerFixture _docker;
    private readonly string _pipeline = "standby-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _unlabelled = [];

    public DockerPodOrchestratorStandbyTests(DockerFixture docker)
    {
        _docker = docker;
    }

    [Fact]
    public async Task Scale_WithStandby_KeepsStandbyPodsCreatedButNeverListsOrCountsThem()
    {
        var orchestrator = CreateOrchestrator();

        var result = await orchestrator.ScaleAsync(Template(standby: 2), 2);

        Assert.Empty(result.Failures);
        Assert.Equal(2, result.Running);
        var pods = await orchestrator.ListPodsAsync(_pipeline);
        Assert.Equal(2, pods.Count);
        Assert.All(pods, p => Assert.True(p.State is PodState.Running or PodState.Ready, $"pod {p.Id} is {p.State}"));
        var standby = await StandbyPodIdsAsync();
        Assert.Equal(2, standby.Count);
        Assert.Empty(standby.Intersect(pods.Select(p => p.Id)));
        Assert.Equal(8, (await ContainersAsync()).Count);
    }

    [Fact]
    public async Task Scale_Up_StartsStandbyPodsFirstAndCreatesNewOnes()
    {
        var orchestrator = CreateOrchestrator();
        var template = Template(standby: 2);
        await orchestrator.ScaleAsync(template, 1);
        var standbyBefore = await StandbyPodIdsAsync();
        var requested = TimeProvider.System.GetUtcNow();

        var result = await orchestrator.ScaleAsync(template, 3);

        Assert.Empty(result.Failures);
        Assert.Equal(standbyBefore.Order(), result.Started.Select(p => p.Id).Order());
        Assert.All(result.Started, p => Assert.True(p.CreatedAt >= requested.AddMilliseconds(-5), $"start latency of {p.Id} counted from {p.CreatedAt:O}, before the request {requested:O}"));
        var standbyAfter = await StandbyPodIdsAsync();
        Assert.Equal(2, standbyAfter.Count);
        Assert.Empty(standbyAfter.Intersect(standbyBefore));
        var listed = await orchestrator.ListPodsAsync(_pipeline);
        Assert.Equal(3, listed.Count);
        Assert.All(listed, p => Assert.All(p.Containers, c => Assert.True(c.Running, $"{p.Id}/{c.Name} is not running")));
    }

    [Fact]
    public async Task NewInstance_AfterRestart_AdoptsStandbyPodsWithoutDuplicates()
    {
        var template = Template(standby: 1);
        await CreateOrchestrator().ScaleAsync(template, 1);
        var standby = Assert.Single(await StandbyPodIdsAsync());

        var restarted = CreateOrchestrator();
        var listed = await restarted.ListPodsAsync(_pipeline);
        var result = await restarted.ScaleAsync(template, 2);

        Assert.Single(listed);
        Assert.Equal([standby], result.Started.Select(p => p.Id));
        Assert.Single(await StandbyPodIdsAsync());
        Assert.Equal(2, (await restarted.ListPodsAsync(_pipeline)).Count);
        Assert.Equal(6, (await ContainersAsync()).Count);
    }

    [Fact]
    public async Task Scale_ToZero_RemovesStandbyPodsButNoUnlabelledContainer()
    {
        var unlabelled = await CreateUnlabelledAsync();
        var orchestrator = CreateOrchestrator();
        var template = Template(standby: 2);
        await orchestrator.ScaleAsync(template, 1);

        var result = await orchestrator.ScaleAsync(template, 0);

        Assert.Empty(result.Failures);
        Assert.Empty(await ContainersAsync());
        Assert.Equal("created", (await _docker.Client.Containers.InspectContainerAsync(unlabelled)).State.Status);
    }

    [Fact]
    public async Task Scale_TemplateChanged_RemovesStaleStandbyPodsInsteadOfStartingThem()
    {
        var orchestrator = CreateOrchestrator();
        await orchestrator.ScaleAsync(Template(standby: 1), 1);
        var stale = Assert.Single(await StandbyPodIdsAsync());
        var changed = Template(standby: 1) with { Labels = new Dictionary<string, string> { ["version"] = "2" } };

        var result = await orchestrator.ScaleAsync(changed, 2);

        var started = Assert.Single(result.Started);
        Assert.NotEqual(stale, started.Id);
        var fresh = Assert.Single(await StandbyPodIdsAsync());
        Assert.NotEqual(stale, fresh);
        Assert.All(await ContainersAsync(fresh), c => Assert.Equal("2", c.Labels["version"]));
    }

    [Fact]
    public async Task Scale_StandbyPodStartedHalfWayFromOutside_IsRemovedAsBroken()
    {
        var orchestrator = CreateOrchestrator();
        var template = Template(standby: 1);
        await orchestrator.ScaleAsync(template, 1);
        var standby = Assert.Single(await StandbyPodIdsAsync());
        var owner = (await ContainersAsync(standby)).Single(c => c.Labels[PodLabels.ContainerIndex] == "0");
        await _docker.Client.Containers.StartContainerAsync(owner.ID, new ContainerStartParameters());

        var listed = await orchestrator.ListPodsAsync(_pipeline);
        var result = await orchestrator.ScaleAsync(template, 1);

        Assert.Contains(listed, p => p.Id == standby && p.State == PodState.Starting);
        Assert.Equal([standby], result.Removed);
        Assert.Single(await orchestrator.ListPodsAsync(_pipeline));
        Assert.DoesNotContain(standby, await StandbyPodIdsAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var container in await ContainersAsync())
        {
            await _docker.Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }

        foreach (var id in _unlabelled)
        {
            await _docker.Client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
        }
    }

    private DockerPodOrchestrator CreateOrchestrator() =>
        new(_docker.Client, new DockerOrchestratorOptions(), TimeProvider.System, NullLogger<DockerPodOrchestrator>.Instance);

    private PodTemplate Template(int standby) => new()
    {
        Pipeline = _pipeline,
        StopGracePeriod = TimeSpan.FromSeconds(2),
        StandbyPods = standby,
        Containers =
        [
            new ContainerTemplate { Name = "app", Image = DockerFixture.ProbeImage },
            new ContainerTemplate { Name = "sidecar", Image = DockerFixture.ProbeImage },
        ],
    };

    private async Task<string> CreateUnlabelledAsync()
    {
        var created = await _docker.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = $"unlabelled-{_pipeline}",
            Image = DockerFixture.ProbeImage,
            HostConfig = new HostConfig { NetworkMode = "none" },
        });
        _unlabelled.Add(created.ID);
        return created.ID;
    }

    /// <summary>Pods whose every container is labelled standby and still only created.</summary>
    private async Task<List<string>> StandbyPodIdsAsync() =>
        (await ContainersAsync())
            .GroupBy(c => c.Labels[PodLabels.Pod])
            .Where(g => g.All(c => c.State == "created" && c.Labels.TryGetValue(DockerPodLabels.Standby, out var v) && v == "true"))
            .Select(g => g.Key)
            .ToList();

    private async Task<IList<ContainerListResponse>> ContainersAsync(string? pod = null)
    {
        var labels = new Dictionary<string, bool> { [$"{PodLabels.Pipeline}={_pipeline}"] = true };
        if (pod is not null)
        {
            labels[$"{PodLabels.Pod}={pod}"] = true;
        }

        return await _docker.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = labels },
        });
    }
}
