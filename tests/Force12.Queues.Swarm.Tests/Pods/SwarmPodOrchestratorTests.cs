using System.Text.Json.Nodes;
using Force12.Queues.Core.Pods;
using Force12.Queues.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Swarm.Tests.Pods;

/// <summary>What the Swarm orchestrator does beyond the shared contract, on the real single-node swarm.</summary>
[Collection(SwarmCollectionDefinition.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class SwarmPodOrchestratorTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly ConflictInjectingSwarmClient _client;
    private readonly string _pipeline = "sw-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _service;

    public SwarmPodOrchestratorTests(SwarmFixture swarm)
    {
        _client = new ConflictInjectingSwarmClient(swarm.Client);
        _service = "svc-" + _pipeline;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => SwarmTestServices.RemoveAsync(_service);

    [Fact]
    public async Task Scale_WholeSpecRoundTrips_OnlyTheReplicaCountChanges()
    {
        await SwarmTestServices.CreateAsync(_service, 1, extra:
        [
            "--label", "team=lights", "--container-label", "role=processor", "--env", "BULBS_TOPIC=bulbs", "--env", "EMPTY=",
            "--limit-memory", "64m", "--reserve-cpu", "0.01", "--update-parallelism", "2", "--update-delay", "3s",
            "--rollback-order", "start-first", "--constraint", "node.role==manager", "--hostname", "bulbs-{{.Task.Slot}}",
            "--restart-max-attempts", "7", "--user", "65534", "--workdir", "/", "--entrypoint", "/bin/sleep",
        ], args: ["86400"]);
        var before = await SpecAsync();

        var result = await Orchestrator().ScaleAsync(PodTemplate.DefinedByEngine(_pipeline), 3);

        Assert.Empty(result.Failures);
        var after = await SpecAsync();
        Assert.Equal(3, after["Mode"]!["Replicated"]!["Replicas"]!.GetValue<int>());
        Assert.Equal("lights", after["Labels"]!["team"]!.GetValue<string>());
        Assert.Equal(["BULBS_TOPIC=bulbs", "EMPTY="], after["TaskTemplate"]!["ContainerSpec"]!["Env"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.StartsWith(SwarmFixture.SleepImage, after["TaskTemplate"]!["ContainerSpec"]!["Image"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["/bin/sleep"], after["TaskTemplate"]!["ContainerSpec"]!["Command"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(["86400"], after["TaskTemplate"]!["ContainerSpec"]!["Args"]!.AsArray().Select(e => e!.GetValue<string>()));
        before["Mode"]!["Replicated"]!["Replicas"] = 3;
        Assert.True(JsonNode.DeepEquals(before, after), $"the spec changed beyond the replica count:\nbefore {before.ToJsonString()}\nafter  {after.ToJsonString()}");
    }

    [Fact]
    public async Task Scale_ServiceChangedBetweenReadAndWrite_RereadsAndKeepsTheOtherWritersChange()
    {
        await SwarmTestServices.CreateAsync(_service);
        _client.ConflictOnNextWrite();

        var result = await Orchestrator().ScaleAsync(PodTemplate.DefinedByEngine(_pipeline), 2);

        Assert.Empty(result.Failures);
        Assert.Equal(1, _client.StaleWritesRefused);
        var spec = await SpecAsync();
        Assert.Equal(2, spec["Mode"]!["Replicated"]!["Replicas"]!.GetValue<int>());
        Assert.NotNull(spec["Labels"]![ConflictInjectingSwarmClient.InjectedLabel]);
    }

    [Fact]
    public async Task Scale_UpAndDown_ResultListsTheTasksSwarmStartedAndStopped()
    {
        await SwarmTestServices.CreateAsync(_service);
        var orchestrator = Orchestrator();

        var up = await orchestrator.ScaleAsync(PodTemplate.DefinedByEngine(_pipeline), 2);
        var down = await orchestrator.ScaleAsync(PodTemplate.DefinedByEngine(_pipeline), 0);

        Assert.Equal(2, up.Started.Count);
        Assert.Equal(2, up.Running);
        Assert.All(up.Started, pod => Assert.InRange(pod.TimeToRunning!.Value, TimeSpan.Zero, Deadline));
        Assert.Equal(up.Started.Select(p => p.Id).Order(StringComparer.Ordinal), down.Stopped);
        Assert.Equal(0, down.Running);
        Assert.Empty(await orchestrator.ListPodsAsync(_pipeline));
    }

    [Fact]
    public async Task StopPods_SwarmCannotRemoveChosenTasks_LowersTheCountByTheKnownIds()
    {
        await SwarmTestServices.CreateAsync(_service);
        var orchestrator = Orchestrator();
        await orchestrator.ScaleAsync(PodTemplate.DefinedByEngine(_pipeline), 3);
        var pods = await orchestrator.ListPodsAsync(_pipeline);

        var result = await orchestrator.StopPodsAsync(_pipeline, [pods[0].Id, "no-such-task"]);

        Assert.Empty(result.Failures);
        Assert.Single(result.Stopped);
        Assert.Equal(2, result.Running);
        Assert.Equal(2, await SwarmTestServices.ReplicasAsync(_service));
    }

    [Fact]
    public async Task ListPods_KilledTask_HistoryIsNotListedOnceReplaced()
    {
        await SwarmTestServices.CreateAsync(_service);
        var orchestrator = Orchestrator();
        await orchestrator.ScaleAsync(PodTemplate.DefinedByEngine(_pipeline), 2);
        var victim = (await orchestrator.ListPodsAsync(_pipeline))[0];

        await DockerCli.RunAsync("kill", victim.Containers[0].Id);

        IReadOnlyList<PodInfo> pods = [];
        await Eventually.HoldsAsync(async () =>
            {
                pods = await orchestrator.ListPodsAsync(_pipeline);
                return pods.Count == 2 && pods.All(p => p.State == PodState.Ready && p.Id != victim.Id);
            },
            Deadline, () => $"two ready tasks of {_service} and no trace of the killed {victim.Id} (last seen: {string.Join(", ", pods.Select(p => $"{p.Id} {p.State}"))})");
    }

    [Fact]
    public async Task Scale_GlobalService_IsRefusedNamingTheService()
    {
        await DockerCli.RunAsync("service", "create", "--detach", "--name", _service, "--label", SwarmTestServices.TestLabel,
            "--mode", "global", "--init", SwarmFixture.SleepImage);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Orchestrator().ScaleAsync(PodTemplate.DefinedByEngine(_pipeline), 2));

        Assert.Contains($"Swarm service '{_service}' of pipeline '{_pipeline}' is not a replicated service (mode global)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scale_TasksCannotStart_ReturnsAfterTheTimeoutWithAFailureNamingTheService()
    {
        await DockerCli.RunAsync("service", "create", "--detach", "--no-resolve-image", "--name", _service, "--label", SwarmTestServices.TestLabel,
            "--replicas", "0", "force12/does-not-exist:none");
        var orchestrator = Orchestrator(new SwarmOrchestratorOptions { ConvergenceTimeout = TimeSpan.FromSeconds(3), ConvergencePollInterval = TimeSpan.FromMilliseconds(100) });

        var result = await orchestrator.ScaleAsync(PodTemplate.DefinedByEngine(_pipeline), 1);

        var failure = Assert.Single(result.Failures);
        Assert.StartsWith($"Swarm service '{_service}' runs 0 of 1 tasks after 3s", failure, StringComparison.Ordinal);
        Assert.Empty(result.Started);
    }

    private SwarmPodOrchestrator Orchestrator(SwarmOrchestratorOptions? options = null) => new(
        _client,
        new Dictionary<string, string> { [_pipeline] = _service },
        options ?? new SwarmOrchestratorOptions { ConvergencePollInterval = TimeSpan.FromMilliseconds(100) },
        TimeProvider.System,
        NullLogger.Instance);

    private async Task<JsonNode> SpecAsync() =>
        JsonNode.Parse(await DockerCli.RunAsync("service", "inspect", "--format", "{{json .Spec}}", _service))!;
}
