using System.Diagnostics;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Tests.Pods;

/// <summary>
/// The contract every <see cref="IPodOrchestrator"/> keeps, written once. Each orchestrator's test project links this
/// file and derives a class that supplies the platform-specific pieces (real dockerd, real processes).
/// Pods are two containers of the probe sample (<c>app</c> and <c>sidecar</c>), which records SIGTERM in a folder.
/// </summary>
public abstract class PodOrchestratorContractTests : IAsyncLifetime
{
    /// <summary>Grace period of the test pods; the probe exits at once on SIGTERM, far inside it.</summary>
    protected static readonly TimeSpan Grace = TimeSpan.FromSeconds(8);

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly List<IPodOrchestrator> _orchestrators = [];

    protected PodOrchestratorContractTests()
    {
        Pipeline = "ct-" + Guid.NewGuid().ToString("N")[..8];
        SignalDirectory = Directory.CreateTempSubdirectory("force12-signals-").FullName;
    }

    protected string Pipeline { get; }

    protected string SignalDirectory { get; }

    /// <summary>A new orchestrator instance sharing all state with earlier ones (as after an agent restart).</summary>
    protected abstract IPodOrchestrator CreateOrchestratorCore();

    /// <summary>Template of a two-container probe pod (<c>app</c>, <c>sidecar</c>) recording into <see cref="SignalDirectory"/>.</summary>
    protected abstract PodTemplate CreateTemplate();

    /// <summary>Like <see cref="CreateTemplate"/>, but the second container cannot start.</summary>
    protected abstract PodTemplate CreateTemplateWhoseSecondContainerFailsToStart();

    /// <summary>Kills one container (or process) of a pod from outside the orchestrator (SIGKILL).</summary>
    protected abstract Task KillFromOutsideAsync(PodContainerInfo container);

    /// <summary>Everything the platform still holds for the pipeline (containers in any state, or pod records), counted in containers.</summary>
    protected abstract Task<int> CountContainersLeftAsync(string pipeline);

    /// <summary>Starts a probe without the orchestrator's labels and returns a handle to check and remove it.</summary>
    protected abstract Task<IUnlabelledWorkload> StartUnlabelledAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var orchestrator = CreateOrchestrator();
        await WaitForProbesAsync(await orchestrator.ListPodsAsync(Pipeline));
        await orchestrator.ScaleAsync(CreateTemplate(), 0);
        Directory.Delete(SignalDirectory, recursive: true);
        await CleanupAsync();
    }

    /// <summary>Removes what the derived class created, after every pod is gone.</summary>
    protected virtual Task CleanupAsync() => Task.CompletedTask;

    [Fact]
    public async Task Scale_ZeroToFiveToTwoToZero_RunsExactlyThatManyCompletePods()
    {
        var orchestrator = CreateOrchestrator();
        var template = CreateTemplate();

        foreach (var replicas in new[] { 5, 2, 0 })
        {
            await WaitForProbesAsync(await orchestrator.ListPodsAsync(Pipeline));
            var result = await orchestrator.ScaleAsync(template, replicas);

            Assert.Empty(result.Failures);
            Assert.Equal(replicas, result.Running);
            var pods = await orchestrator.ListPodsAsync(Pipeline);
            Assert.Equal(replicas, pods.Count);
            Assert.All(pods, pod =>
            {
                Assert.True(pod.State is PodState.Running or PodState.Ready, $"pod {pod.Id} is {pod.State}");
                Assert.Equal(["app", "sidecar"], pod.Containers.Select(c => c.Name));
                Assert.All(pod.Containers, c => Assert.True(c.Running));
            });
            Assert.Equal(2 * replicas, await CountContainersLeftAsync(Pipeline));
        }
    }

    [Fact]
    public async Task Scale_Up_ReportsStartLatencyOfEveryPod()
    {
        var orchestrator = CreateOrchestrator();

        var result = await orchestrator.ScaleAsync(CreateTemplate(), 2);

        Assert.Equal(2, result.Started.Count);
        Assert.All(result.Started, pod => Assert.InRange(pod.TimeToRunning!.Value, TimeSpan.Zero, Deadline));
        var listed = await orchestrator.ListPodsAsync(Pipeline);
        Assert.All(listed, pod => Assert.True(pod.TimeToReady >= pod.TimeToRunning, $"ready {pod.TimeToReady} before running {pod.TimeToRunning}"));
    }

    [Fact]
    public async Task Reconcile_OneContainerKilledFromOutside_ReplacesTheWholePod()
    {
        var orchestrator = CreateOrchestrator();
        var template = CreateTemplate();
        await orchestrator.ScaleAsync(template, 3);
        var victim = (await orchestrator.ListPodsAsync(Pipeline))[1];

        await KillFromOutsideAsync(victim.Containers[1]);
        await WaitUntilAsync(async () => (await orchestrator.ListPodsAsync(Pipeline)).Any(p => p.Id == victim.Id && p.State == PodState.Exited));
        var result = await orchestrator.ReconcileAsync(template);

        Assert.Equal([victim.Id], result.Removed);
        Assert.Single(result.Started);
        var pods = await orchestrator.ListPodsAsync(Pipeline);
        Assert.Equal(3, pods.Count);
        Assert.DoesNotContain(pods, p => p.Id == victim.Id);
        Assert.All(pods, p => Assert.True(p.State is PodState.Running or PodState.Ready));
        Assert.Equal(6, await CountContainersLeftAsync(Pipeline));
    }

    [Fact]
    public async Task NewInstance_AfterRestart_AdoptsRunningPodsWithoutDuplicates()
    {
        var template = CreateTemplate();
        await CreateOrchestrator().ScaleAsync(template, 3);
        var before = (await CreateOrchestrator().ListPodsAsync(Pipeline)).Select(p => p.Id).Order().ToList();

        await WaitForProbesAsync(await CreateOrchestrator().ListPodsAsync(Pipeline));
        var restarted = CreateOrchestrator();
        var rescale = await restarted.ScaleAsync(template, 3);

        Assert.Empty(rescale.Started);
        Assert.Empty(rescale.Stopped);
        Assert.Equal(before, (await restarted.ListPodsAsync(Pipeline)).Select(p => p.Id).Order());
        Assert.All(await restarted.ListPodsAsync(Pipeline), p => Assert.NotNull(p.StartedAt));
        var down = await restarted.ScaleAsync(template, 1);
        Assert.Equal(2, down.Stopped.Count);
        Assert.Equal(2, await CountContainersLeftAsync(Pipeline));
    }

    [Fact]
    public async Task StopPods_GracefulStop_EveryContainerGotSigtermAndExitedWithinGrace()
    {
        var orchestrator = CreateOrchestrator();
        var pod = (await orchestrator.ScaleAsync(CreateTemplate(), 2)).Started[0];
        await WaitForProbesAsync([pod]);

        var watch = Stopwatch.StartNew();
        var result = await orchestrator.StopPodsAsync(Pipeline, [pod.Id]);
        watch.Stop();

        Assert.Equal([pod.Id], result.Stopped);
        Assert.Empty(result.Killed);
        Assert.True(watch.Elapsed < Grace, $"stop took {watch.Elapsed}, grace is {Grace}");
        Assert.True(File.Exists(Path.Combine(SignalDirectory, $"{pod.Id}.app.sigterm")), "app did not record SIGTERM");
        Assert.True(File.Exists(Path.Combine(SignalDirectory, $"{pod.Id}.sidecar.sigterm")), "sidecar did not record SIGTERM");
        Assert.True(File.Exists(Path.Combine(SignalDirectory, $"{pod.Id}.app.exited")), "app did not exit cleanly");
        Assert.True(File.Exists(Path.Combine(SignalDirectory, $"{pod.Id}.sidecar.exited")), "sidecar did not exit cleanly");
        Assert.Equal(1, result.Running);
        Assert.Equal(2, await CountContainersLeftAsync(Pipeline));
    }

    [Fact]
    public async Task StopPods_ContainerIgnoresSigterm_IsKilledAfterGraceAndRemoved()
    {
        var orchestrator = CreateOrchestrator();
        var stubborn = CreateTemplate() with
        {
            StopGracePeriod = TimeSpan.FromSeconds(1),
            Containers = CreateTemplate().Containers
                .Select(c => c with { Environment = new Dictionary<string, string>(c.Environment) { ["PROBE_IGNORE_SIGTERM"] = "1" } })
                .ToList(),
        };
        var pod = (await orchestrator.ScaleAsync(stubborn, 1)).Started[0];
        await WaitForProbesAsync([pod]);

        var watch = Stopwatch.StartNew();
        var result = await orchestrator.StopPodsAsync(Pipeline, [pod.Id]);
        watch.Stop();

        Assert.Equal([pod.Id], result.Stopped);
        Assert.Equal([pod.Id], result.Killed);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), Deadline);
        Assert.True(File.Exists(Path.Combine(SignalDirectory, $"{pod.Id}.app.sigterm")), "SIGTERM was not sent before SIGKILL");
        Assert.False(File.Exists(Path.Combine(SignalDirectory, $"{pod.Id}.app.exited")), "the probe exited by itself");
        Assert.Empty(await orchestrator.ListPodsAsync(Pipeline));
        Assert.Equal(0, await CountContainersLeftAsync(Pipeline));
    }

    [Fact]
    public async Task Scale_SecondContainerFailsToStart_LeavesNoPartialPod()
    {
        var orchestrator = CreateOrchestrator();

        var result = await orchestrator.ScaleAsync(CreateTemplateWhoseSecondContainerFailsToStart(), 2);

        Assert.Empty(result.Started);
        Assert.Equal(2, result.Failures.Count);
        Assert.Empty(await orchestrator.ListPodsAsync(Pipeline));
        Assert.Equal(0, await CountContainersLeftAsync(Pipeline));
    }

    [Fact]
    public async Task UnlabelledWorkload_SurvivesScaleReconcileAndScaleDown()
    {
        await using var unlabelled = await StartUnlabelledAsync();
        var orchestrator = CreateOrchestrator();
        var template = CreateTemplate();

        await orchestrator.ScaleAsync(template, 2);
        await orchestrator.ReconcileAsync(template);
        await WaitForProbesAsync(await orchestrator.ListPodsAsync(Pipeline));
        await orchestrator.ScaleAsync(template, 0);
        await CreateOrchestrator().ReconcileAsync(template);

        Assert.True(await unlabelled.IsRunningAsync(), "the unlabelled workload was touched");
    }

    [Fact]
    public async Task Validate_TemplateProblems_ListsEveryFieldAndScaleRejects()
    {
        var orchestrator = CreateOrchestrator();
        var bad = CreateTemplate() with { StopGracePeriod = TimeSpan.FromHours(2), Pipeline = "Bad" };

        var errors = orchestrator.Validate(bad);

        Assert.Contains(errors, e => e.StartsWith("pipelines.Bad: a pipeline name must be", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("pipelines.Bad.pod.stopGracePeriod:", StringComparison.Ordinal));
        await Assert.ThrowsAsync<PodTemplateException>(() => orchestrator.ScaleAsync(bad, 1));
    }

    /// <summary>
    /// Waits until the probes of <paramref name="pods"/> are up (their handlers installed), as a readiness check would.
    /// A program stopped before that point may not see SIGTERM (PID 1 in a container ignores it) and is killed after grace.
    /// </summary>
    protected async Task WaitForProbesAsync(IEnumerable<PodInfo> pods)
    {
        foreach (var pod in pods)
        {
            await WaitUntilAsync(() => Task.FromResult(pod.Containers.All(c =>
                File.Exists(Path.Combine(SignalDirectory, $"{pod.Id}.{c.Name}.started")))));
        }
    }

    protected IPodOrchestrator CreateOrchestrator()
    {
        var orchestrator = CreateOrchestratorCore();
        _orchestrators.Add(orchestrator);
        return orchestrator;
    }

    protected static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < Deadline, $"condition not met within {Deadline}");
            await Task.Delay(50);
        }
    }
}
