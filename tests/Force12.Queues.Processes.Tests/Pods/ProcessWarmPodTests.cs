using Force12.Queues.Core.Pods;
using Force12.Queues.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Processes.Tests.Pods;

/// <summary>Warm pods (docs/pod-contract.md) on real processes: pool, promotion, refill, scale-down order, adoption, cold pods.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ProcessWarmPodTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("force12-state-").FullName;
    private readonly string _probes = Directory.CreateTempSubdirectory("force12-warm-").FullName;
    private readonly ProcessPodOrchestrator _orchestrator;

    public ProcessWarmPodTests()
    {
        _orchestrator = Create();
    }

    [Fact]
    public async Task Scale_ToZeroWithWarmPods_KeepsThatManyWarmPodsThatConsumeNothing()
    {
        var result = await _orchestrator.ScaleAsync(Template(warm: 2), 0);

        Assert.Equal(0, result.Running);
        await WarmReportedAsync(2);
        var pods = await _orchestrator.ListPodsAsync("demo");
        Assert.All(pods, p => Assert.Equal(PodState.Warm, p.State));
        Assert.All(pods, p => Assert.True(p.StartedWarm));
        Assert.Equal(2, PodCounts.Of(pods).Warm);
        Assert.Equal(0, PodCounts.Of(pods).Current);
        Assert.Equal(0, WarmProbe.Consuming(_probes));
    }

    [Fact]
    public async Task ScaleUp_PromotesWarmPodsFirstThenStartsColdOnesAndRefillsThePool()
    {
        await _orchestrator.ScaleAsync(Template(warm: 2), 0);
        var warm = await WarmReportedAsync(2);

        var result = await _orchestrator.ScaleAsync(Template(warm: 2), 3);

        Assert.Equal(warm.Select(p => p.Id).Order(), result.Promoted.Select(p => p.Id).Order());
        Assert.All(result.Promoted, p => Assert.Equal(PodState.Ready, p.State));
        Assert.Single(result.Started);
        Assert.Equal(3, result.Running);
        await Eventually.HoldsAsync(() => Task.FromResult(warm.All(p => WarmProbe.IsConsuming(_probes, p.Id))),
            Deadline, () => "both promoted pods consume");
        var refilled = await WarmReportedAsync(2);
        Assert.Empty(refilled.Select(p => p.Id).Intersect(warm.Select(p => p.Id)));
        Assert.Equal(3, PodCounts.Of(await _orchestrator.ListPodsAsync("demo")).Ready);
    }

    [Fact]
    public async Task ScaleDown_StopsRunningPodsAndKeepsThePool_FewerWarmPodsStopTheSurplusWarmOnes()
    {
        await _orchestrator.ScaleAsync(Template(warm: 2), 0);
        await WarmReportedAsync(2);
        await _orchestrator.ScaleAsync(Template(warm: 2), 2);
        await WarmReportedAsync(2);

        var down = await _orchestrator.ScaleAsync(Template(warm: 2), 1);
        var fewerWarm = await _orchestrator.ScaleAsync(Template(warm: 1), 1);

        Assert.Single(down.Stopped);
        var pods = await _orchestrator.ListPodsAsync("demo");
        Assert.Single(fewerWarm.Stopped);
        Assert.Equal(1, PodCounts.Of(pods).Warm);
        Assert.Equal(1, PodCounts.Of(pods).Ready);
    }

    [Fact]
    public async Task RestartedAgent_AdoptsWarmPodsAndPromotesThem()
    {
        await _orchestrator.ScaleAsync(Template(warm: 1), 0);
        var warm = Assert.Single(await WarmReportedAsync(1));

        var restarted = Create();
        var adopted = Assert.Single(await restarted.ListPodsAsync("demo"));
        var result = await restarted.ScaleAsync(Template(warm: 1), 1);

        Assert.Equal(PodState.Warm, adopted.State);
        Assert.Equal(warm.Id, adopted.Id);
        Assert.Equal([warm.Id], result.Promoted.Select(p => p.Id));
        Assert.Empty(result.Started);
        await Eventually.HoldsAsync(() => Task.FromResult(WarmProbe.IsConsuming(_probes, warm.Id)), Deadline, () => "the adopted pod consumes after promotion");
        await restarted.ScaleAsync(Template(warm: 0), 0);
        await restarted.WarmRefillAsync("demo");
    }

    [Fact]
    public async Task PodIgnoringTheContract_CountsAsRunningNotWarm_AndThePoolIsNotRefilled()
    {
        var template = Template(warm: 1, script: WarmProbe.Cold) with { WarmTimeout = TimeSpan.FromSeconds(1) };
        await _orchestrator.ScaleAsync(template, 0);
        await _orchestrator.WarmRefillAsync("demo");
        var pod = Assert.Single(await _orchestrator.ListPodsAsync("demo"));
        Assert.True(WarmProbe.IsConsuming(_probes, pod.Id) || pod.State == PodState.Warm);

        await Eventually.HoldsAsync(async () => (await _orchestrator.ListPodsAsync("demo")).Single().State == PodState.Ready,
            Deadline, () => "the pod that never wrote 'warm' is listed ready after the warm timeout");
        var first = await _orchestrator.ScaleAsync(template, 1);
        var second = await _orchestrator.ScaleAsync(template, 1);
        await _orchestrator.WarmRefillAsync("demo");

        var pods = await _orchestrator.ListPodsAsync("demo");
        var listed = Assert.Single(pods);
        Assert.True(listed.IgnoresWarmContract);
        Assert.Equal(1, PodCounts.Of(pods).Current);
        Assert.Equal(0, PodCounts.Of(pods).Warm);
        Assert.Empty(first.Started);
        Assert.Contains(first.Failures, f => f.Contains($"pod {pod.Id} did not report warm within 1 s", StringComparison.Ordinal));
        Assert.Empty(second.Failures);
        Assert.True(WarmProbe.IsConsuming(_probes, pod.Id), "a cold pod consumes from the start");
    }

    [Fact]
    public void Validate_WarmPods_AcceptedByTheProcessOrchestrator()
    {
        Assert.Empty(_orchestrator.Validate(Template(warm: 3)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _orchestrator.ScaleAsync(Template(warm: 0), 0);
        await _orchestrator.WarmRefillAsync("demo");
        try
        {
            // A warm probe killed while waiting leaves its current `sleep 0.05` behind for up to 50 ms (it carries the
            // pod's environment): wait for those, but nothing else may stay.
            var left = 0;
            await Eventually.HoldsAsync(
                () => Task.FromResult((left = ProcessEnvironment.CountProcessesWith($"{WarmProbe.FolderVariable}={_probes}")) == 0),
                TimeSpan.FromSeconds(20),
                () => $"no process of the test left running ({left} still carry {WarmProbe.FolderVariable}={_probes})");
        }
        finally
        {
            Directory.Delete(_stateDirectory, recursive: true);
            Directory.Delete(_probes, recursive: true);
        }
    }

    private async Task<IReadOnlyList<PodInfo>> WarmReportedAsync(int count)
    {
        List<PodInfo> warm = [];
        await Eventually.HoldsAsync(async () =>
        {
            warm = (await _orchestrator.ListPodsAsync("demo")).Where(p => p.State == PodState.Warm && p.WarmAt is not null).ToList();
            return warm.Count == count;
        }, Deadline, () => $"{count} warm pods that reported warm (had {warm.Count})");
        return warm;
    }

    private ProcessPodOrchestrator Create() => new(
        new ProcessOrchestratorOptions { StateDirectory = _stateDirectory }, TimeProvider.System, NullLogger<ProcessPodOrchestrator>.Instance);

    private PodTemplate Template(int warm, string script = WarmProbe.Capable) => new()
    {
        Pipeline = "demo",
        StopGracePeriod = TimeSpan.FromSeconds(2),
        WarmPods = warm,
        Containers =
        [
            new ContainerTemplate
            {
                Name = "app",
                Command = "/bin/sh",
                Args = ["-c", script],
                Environment = new Dictionary<string, string> { [WarmProbe.FolderVariable] = _probes },
            },
        ],
    };
}
