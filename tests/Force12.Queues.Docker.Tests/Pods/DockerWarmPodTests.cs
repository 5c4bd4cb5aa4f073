using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;
using Force12.Queues.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Docker.Tests.Pods;

/// <summary>
/// Warm pods (docs/pod-contract.md) against the real dockerd: the control folder reached only through the archive
/// endpoints; pool at zero, promotion first, refill, adoption, a pod that ignores the contract. The probe records
/// <c>.consuming</c> in its control folder once it consumes, read back the same way.
/// </summary>
[Collection(DockerdCollectionDefinition.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class DockerWarmPodTests(DockerFixture docker) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _pipeline = "warm-" + Guid.NewGuid().ToString("N")[..8];
    private DockerPodOrchestrator _orchestrator = null!;

    [Fact]
    public async Task ScaleUp_PromotesWarmPodsFirst_TheyConsumeOnlyThenAndThePoolIsRefilled()
    {
        await _orchestrator.ScaleAsync(Template(warm: 2), 0);
        var warm = await WarmReportedAsync(2);
        Assert.All(warm, p => Assert.True(p.StartedWarm));
        foreach (var pod in warm)
        {
            Assert.False(await ConsumingAsync(pod), $"warm pod {pod.Id} consumes before promotion");
        }

        var result = await _orchestrator.ScaleAsync(Template(warm: 2), 3);

        Assert.Empty(result.Failures);
        Assert.Equal(warm.Select(p => p.Id).Order(), result.Promoted.Select(p => p.Id).Order());
        Assert.Single(result.Started);
        Assert.Equal(3, result.Running);
        await Eventually.HoldsAsync(async () => (await Task.WhenAll(warm.Select(ConsumingAsync))).All(c => c), Deadline, () => "both promoted pods consume");
        var refilled = await WarmReportedAsync(2);
        Assert.Empty(refilled.Select(p => p.Id).Intersect(warm.Select(p => p.Id)));
    }

    [Fact]
    public async Task RestartedAgent_AdoptsWarmPodsAndPromotesThem()
    {
        await _orchestrator.ScaleAsync(Template(warm: 1), 0);
        var warm = Assert.Single(await WarmReportedAsync(1));

        _orchestrator = Create();
        var adopted = Assert.Single(await _orchestrator.ListPodsAsync(_pipeline));
        var result = await _orchestrator.ScaleAsync(Template(warm: 1), 1);

        Assert.Equal((warm.Id, PodState.Warm), (adopted.Id, adopted.State));
        Assert.NotNull(adopted.WarmAt);
        Assert.Equal([warm.Id], result.Promoted.Select(p => p.Id));
        Assert.Empty(result.Started);
        await Eventually.HoldsAsync(() => ConsumingAsync(warm), Deadline, () => "the adopted pod consumes after promotion");
    }

    [Fact]
    public async Task PodIgnoringTheContract_CountsAsRunningNotWarm_AndThePoolIsNotRefilled()
    {
        var template = Template(warm: 1, ignoreWarm: true) with { WarmTimeout = TimeSpan.FromSeconds(1) };
        await _orchestrator.ScaleAsync(template, 0);
        await _orchestrator.WarmRefillAsync(_pipeline);

        await Eventually.HoldsAsync(async () => (await _orchestrator.ListPodsAsync(_pipeline)).Single().State == PodState.Ready,
            Deadline, () => "the pod that never wrote 'warm' to be listed ready after the warm timeout");
        var first = await _orchestrator.ScaleAsync(template, 1);
        await _orchestrator.WarmRefillAsync(_pipeline);

        var pod = Assert.Single(await _orchestrator.ListPodsAsync(_pipeline));
        Assert.True(pod.IgnoresWarmContract);
        Assert.Empty(first.Started);
        Assert.Contains(first.Failures, f => f.Contains($"pod {pod.Id} did not report warm within 1 s", StringComparison.Ordinal));
        Assert.True(await ConsumingAsync(pod), "a cold pod consumes from the start");
    }

    public Task InitializeAsync()
    {
        _orchestrator = Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _orchestrator.ScaleAsync(Template(warm: 0), 0);
        await _orchestrator.WarmRefillAsync(_pipeline);
        var left = await docker.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{PodLabels.Pipeline}={_pipeline}"] = true } },
        });
        foreach (var container in left)
        {
            await docker.Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }

        Assert.Empty(left);
    }

    private async Task<List<PodInfo>> WarmReportedAsync(int count)
    {
        List<PodInfo> warm = [];
        await Eventually.HoldsAsync(async () =>
        {
            warm = (await _orchestrator.ListPodsAsync(_pipeline)).Where(p => p.State == PodState.Warm && p.WarmAt is not null).ToList();
            return warm.Count == count;
        }, Deadline, () => $"{count} warm pods that reported warm (had {warm.Count})");
        return warm;
    }

    /// <summary>Whether the probe of the pod's container recorded that it consumes (stat through the archive endpoint).</summary>
    private async Task<bool> ConsumingAsync(PodInfo pod)
    {
        try
        {
            var stat = await docker.Client.Containers.GetArchiveFromContainerAsync(
                pod.Containers[0].Id, new GetArchiveFromContainerParameters { Path = $"/run/force12/{pod.Id}.app.consuming" }, statOnly: true);
            return stat.Stat is not null;
        }
        catch (global::Docker.DotNet.DockerApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private DockerPodOrchestrator Create() =>
        new(docker.Client, new DockerOrchestratorOptions(), TimeProvider.System, NullLogger<DockerPodOrchestrator>.Instance);

    private PodTemplate Template(int warm, bool ignoreWarm = false) => new()
    {
        Pipeline = _pipeline,
        StopGracePeriod = TimeSpan.FromSeconds(2),
        WarmPods = warm,
        Containers =
        [
            new ContainerTemplate
            {
                Name = "app",
                Image = DockerFixture.ProbeImage,
                Environment = new Dictionary<string, string>
                {
                    ["PROBE_SIGNAL_DIR"] = "/run/force12",
                    ["PROBE_IGNORE_WARM"] = ignoreWarm ? "1" : "0",
                },
            },
        ],
    };
}
