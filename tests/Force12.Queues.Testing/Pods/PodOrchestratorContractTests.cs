using System.Diagnostics;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Testing.Pods;

/// <summary>
/// The contract every <see cref="IPodOrchestrator"/> keeps, written once. Each orchestrator's test project derives a
/// class that supplies the platform-specific pieces (real dockerd, real processes; later Kubernetes, Swarm, Nomad);
/// xunit runs these facts in every derived class, which inherits the Integration trait from this one.
/// Pods are two containers of the probe sample (<c>app</c> and <c>sidecar</c>), which records SIGTERM in a folder.
/// The platform hooks and helpers are in PodOrchestratorContractTests.Platform.cs.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public abstract partial class PodOrchestratorContractTests
{
    /// <summary>Scaling runs exactly the asked number of pods, each with all of its containers running.</summary>
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

    /// <summary>Every started pod reports its time to running, and ready comes no earlier.</summary>
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

    /// <summary>A pod with one dead container is replaced whole by reconcile.</summary>
    [Fact]
    public async Task Reconcile_OneContainerKilledFromOutside_ReplacesTheWholePod()
    {
        var orchestrator = CreateOrchestrator();
        var template = CreateTemplate();
        await orchestrator.ScaleAsync(template, 3);
        var victim = (await orchestrator.ListPodsAsync(Pipeline))[1];

        await KillFromOutsideAsync(victim.Containers[1]);
        await Eventually.HoldsAsync(async () => (await orchestrator.ListPodsAsync(Pipeline)).Any(p => p.Id == victim.Id && p.State == PodState.Exited),
            Deadline, () => $"pod {victim.Id} shows as exited");
        var result = await orchestrator.ReconcileAsync(template);

        Assert.Equal([victim.Id], result.Removed);
        Assert.Single(result.Started);
        var pods = await orchestrator.ListPodsAsync(Pipeline);
        Assert.Equal(3, pods.Count);
        Assert.DoesNotContain(pods, p => p.Id == victim.Id);
        Assert.All(pods, p => Assert.True(p.State is PodState.Running or PodState.Ready));
        Assert.Equal(6, await CountContainersLeftAsync(Pipeline));
    }

    /// <summary>A new instance (an agent restart) adopts the running pods instead of starting more.</summary>
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

    /// <summary>A graceful stop sends SIGTERM to every container, which exit well inside the grace period.</summary>
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

    /// <summary>A container that ignores SIGTERM is killed after the grace period and removed.</summary>
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

    /// <summary>A pod whose second container cannot start is removed whole and reported as a failure.</summary>
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

    /// <summary>Nothing without the orchestrator's labels is ever touched.</summary>
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

    /// <summary>Validation lists every bad field, and scaling rejects an invalid template.</summary>
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
}
