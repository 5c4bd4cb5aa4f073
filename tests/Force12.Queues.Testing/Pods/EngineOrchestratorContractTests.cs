using Force12.Queues.Core.Pods;

namespace Force12.Queues.Testing.Pods;

/// <summary>
/// The contract of an orchestrator whose engine runs the replicas (Swarm, Kubernetes, Nomad, ECS, Marathon): the agent
/// sets a count on the pipeline's target and the engine starts, replaces and removes the pods. Written once; each
/// engine's test project derives a class that supplies the engine (the real one where it runs here, Swarm; an API
/// double built from the engine's published API reference where it cannot, named a double in its class name).
/// <see cref="IPodOrchestrator.ScaleAsync"/> returns once the engine accepted the count; the pods converge afterwards,
/// so every fact awaits <see cref="IPodOrchestrator.ListPodsAsync"/> with a generous deadline. Hooks and helpers are in
/// EngineOrchestratorContractTests.Platform.cs.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public abstract partial class EngineOrchestratorContractTests
{
    /// <summary>Scaling sets the count and the engine converges to exactly that many running pods, down to zero.</summary>
    [Fact]
    public async Task Scale_ZeroToFiveToTwoToZero_EngineConvergesToExactlyThatMany()
    {
        var orchestrator = CreateOrchestrator();

        foreach (var replicas in new[] { 5, 2, 0 })
        {
            var result = await orchestrator.ScaleAsync(CreateTemplate(), replicas);

            Assert.Empty(result.Failures);
            await AwaitRunningPodsAsync(orchestrator, replicas);
        }
    }

    /// <summary>Every pod the engine started reports its time to running from the engine's own timestamps.</summary>
    [Fact]
    public async Task Scale_Up_ReportsStartLatencyOfEveryPod()
    {
        var orchestrator = CreateOrchestrator();

        await orchestrator.ScaleAsync(CreateTemplate(), 2);
        var pods = await AwaitRunningPodsAsync(orchestrator, 2);

        Assert.All(pods, pod => Assert.InRange(pod.TimeToRunning!.Value, TimeSpan.Zero, ConvergenceDeadline));
        Assert.All(pods, pod => Assert.True(pod.TimeToReady is null || pod.TimeToReady >= pod.TimeToRunning, $"pod {pod.Id} ready before running"));
    }

    /// <summary>A new instance (an agent restart) adopts the running replicas: same pods, nothing started or stopped.</summary>
    [Fact]
    public async Task NewInstance_AfterRestart_AdoptsRunningPodsWithoutDuplicates()
    {
        await CreateOrchestrator().ScaleAsync(CreateTemplate(), 3);
        var before = (await AwaitRunningPodsAsync(CreateOrchestrator(), 3)).Select(p => p.Id).Order().ToList();

        var restarted = CreateOrchestrator();
        var rescale = await restarted.ScaleAsync(CreateTemplate(), 3);

        Assert.Empty(rescale.Failures);
        Assert.Empty(rescale.Started);
        Assert.Empty(rescale.Stopped);
        Assert.Equal(before, (await AwaitRunningPodsAsync(restarted, 3)).Select(p => p.Id).Order());
    }

    /// <summary>A pod killed outside the agent is replaced by the engine, and the agent sees the replacement.</summary>
    [Fact]
    public async Task PodKilledFromOutside_IsReplacedByTheEngineAndSeen()
    {
        var orchestrator = CreateOrchestrator();
        await orchestrator.ScaleAsync(CreateTemplate(), 3);
        var victim = (await AwaitRunningPodsAsync(orchestrator, 3))[1];

        await KillPodFromOutsideAsync(victim);
        await orchestrator.ReconcileAsync(CreateTemplate());

        await Eventually.HoldsAsync(async () =>
            {
                var pods = await orchestrator.ListPodsAsync(Pipeline);
                var running = pods.Where(p => p.State is PodState.Running or PodState.Ready).ToList();
                return running.Count == 3 && running.All(p => p.Id != victim.Id);
            },
            ConvergenceDeadline, () => $"three running pods of {Pipeline}, none of them the killed pod {victim.Id}");
    }

    /// <summary>A write that meets a conflict (a stale version or resourceVersion, or a busy engine) is retried and lands.</summary>
    [Fact]
    public async Task Scale_WriteMeetsAConflict_IsRetriedAndTheCountLands()
    {
        var orchestrator = CreateOrchestrator();
        await orchestrator.ScaleAsync(CreateTemplate(), 1);
        await AwaitRunningPodsAsync(orchestrator, 1);

        await InjectConflictOnNextWriteAsync();
        var result = await orchestrator.ScaleAsync(CreateTemplate(), 4);

        Assert.Empty(result.Failures);
        await AwaitRunningPodsAsync(orchestrator, 4);
    }

    /// <summary>Workloads the pipeline does not target are never touched, whatever the agent scales.</summary>
    [Fact]
    public async Task UnrelatedWorkload_SurvivesScaleUpAndScaleDown()
    {
        await using var unrelated = await StartUnrelatedAsync();
        var orchestrator = CreateOrchestrator();

        await orchestrator.ScaleAsync(CreateTemplate(), 2);
        await AwaitRunningPodsAsync(orchestrator, 2);
        await orchestrator.ScaleAsync(CreateTemplate(), 0);
        await AwaitRunningPodsAsync(orchestrator, 0);

        Assert.True(await unrelated.IsRunningAsync(), "the unrelated workload was touched");
    }

    /// <summary>A target that does not exist is an error naming it (a failure of the call or an exception), never a silent no-op.</summary>
    [Fact]
    public async Task MissingTarget_ScaleAndListFailNamingTheTarget()
    {
        await RemoveTargetAsync();
        var orchestrator = CreateOrchestrator();

        var scale = await Record.ExceptionAsync(async () =>
        {
            var result = await orchestrator.ScaleAsync(CreateTemplate(), 2);
            Assert.NotEmpty(result.Failures);
            throw new InvalidOperationException(string.Join("; ", result.Failures));
        });
        var list = await Record.ExceptionAsync(() => orchestrator.ListPodsAsync(Pipeline));

        Assert.NotNull(scale);
        Assert.Contains(TargetName, scale.Message, StringComparison.Ordinal);
        Assert.NotNull(list);
        Assert.Contains(TargetName, list.Message, StringComparison.Ordinal);
    }
}
