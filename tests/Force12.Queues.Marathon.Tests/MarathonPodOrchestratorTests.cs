using Force12.Queues.Core.Pods;
using Force12.Queues.Testing;

namespace Force12.Queues.Marathon.Tests;

/// <summary>Marathon-specific behaviour against <see cref="MarathonApiDouble"/>: deployment locks, chosen victims, credentials, missing apps.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class MarathonPodOrchestratorTests : IAsyncLifetime, IDisposable
{
    private const string App = "/lights/bulbs";
    private readonly MarathonOrchestratorProvider _provider = MarathonOrchestrators.Provider();
    private MarathonApiDouble _marathon = null!;

    public async Task InitializeAsync()
    {
        _marathon = await MarathonApiDouble.StartAsync();
        _marathon.Cluster.AddApp(App, instances: 0, healthChecks: false);
        _marathon.Cluster.AddApp("/lights/other", instances: 1, healthChecks: false);
    }

    public async Task DisposeAsync() => await _marathon.DisposeAsync();

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task Scale_WhileADeploymentLocksTheApp_IsRetriedUntilTheInstancesLand()
    {
        _marathon.InjectDeploymentLock(times: 2);

        var result = await Orchestrator().ScaleAsync(PodTemplate.DefinedByEngine("p"), 3);

        Assert.Empty(result.Failures);
        Assert.Equal(Enumerable.Repeat("PUT /lights/bulbs {\"instances\":3}", 3), _marathon.Writes);
        Assert.Equal(3, _marathon.Cluster.With(App, a => a.Instances));
    }

    [Fact]
    public async Task Scale_LockOutlastsTheRetries_IsAFailureNamingTheAppAfterFiveTries()
    {
        _marathon.InjectDeploymentLock(times: 100);

        var result = await Orchestrator().ScaleAsync(PodTemplate.DefinedByEngine("p"), 3);

        Assert.Equal(5, _marathon.Writes.Count);
        Assert.Equal(
            $"Marathon at {_marathon.Url}, app '/lights/bulbs': instances 3 refused 5 times while a deployment locks the app ({MarathonApiDouble.LockedMessage}); the next tick tries again",
            Assert.Single(result.Failures));
        Assert.Equal(0, _marathon.Cluster.With(App, a => a.Instances));
    }

    [Fact]
    public async Task StopPods_ChosenTasks_AreKilledAndTheInstancesLoweredWhileOthersAndForeignIdsStay()
    {
        var orchestrator = Orchestrator();
        await orchestrator.ScaleAsync(PodTemplate.DefinedByEngine("p"), 3);
        var pods = await AwaitRunningAsync(orchestrator, 3);
        var foreign = _marathon.Cluster.With("/lights/other", a => a.Tasks[0].Id)!;

        var result = await orchestrator.StopPodsAsync("p", [pods[0].Id, foreign]);

        Assert.Empty(result.Failures);
        Assert.Equal([pods[0].Id], result.Stopped);
        Assert.Equal($"POST /v2/tasks/delete?scale=true {{\"ids\":[\"{pods[0].Id}\"]}}", _marathon.Writes.Last());
        var left = await AwaitRunningAsync(orchestrator, 2);
        Assert.Equal(pods.Skip(1).Select(p => p.Id), left.Select(p => p.Id));
        Assert.Equal(1, _marathon.Cluster.With("/lights/other", a => a.Tasks.Count(t => t.Id == foreign && t.IsLive)));
    }

    [Fact]
    public async Task Calls_WithWrongCredentials_FailNamingAppAndUrl()
    {
        _marathon.RequiredCredentials = "ops:right";

        var error = await Assert.ThrowsAsync<MarathonApiException>(() => Orchestrator("ops", "wrong").ListPodsAsync("p"));

        Assert.Equal(
            $"Marathon at {_marathon.Url}, app '/lights/bulbs': credentials refused (401 Invalid username or password.): check orchestrators.marathon.username and password",
            error.Message);
    }

    [Fact]
    public async Task Calls_ForAMissingApp_FailWithMarathonsMessage()
    {
        _marathon.Cluster.RemoveApp(App);

        var error = await Assert.ThrowsAsync<MarathonApiException>(() => Orchestrator().ScaleAsync(PodTemplate.DefinedByEngine("p"), 1));

        Assert.Equal($"Marathon at {_marathon.Url}, app '/lights/bulbs': not found (404 App '/lights/bulbs' does not exist)", error.Message);
        Assert.Empty(_marathon.Writes);
    }

    private static async Task<IReadOnlyList<PodInfo>> AwaitRunningAsync(MarathonPodOrchestrator orchestrator, int count)
    {
        IReadOnlyList<PodInfo> pods = [];
        await Eventually.HoldsAsync(async () =>
            {
                pods = await orchestrator.ListPodsAsync("p");
                return pods.Count == count && pods.All(p => p.State == PodState.Ready);
            },
            TimeSpan.FromSeconds(60), () => $"{count} ready tasks of {App} (last seen: {string.Join(", ", pods.Select(p => $"{p.Id} {p.State}"))})");
        return pods;
    }

    private MarathonPodOrchestrator Orchestrator(string? username = null, string? password = null) =>
        MarathonOrchestrators.Create(_provider, _marathon, "p", App, username, password);
}
