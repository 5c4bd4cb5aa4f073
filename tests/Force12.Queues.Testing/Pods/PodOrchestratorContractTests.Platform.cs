using Force12.Queues.Core.Pods;

namespace Force12.Queues.Testing.Pods;

/// <summary>The platform-specific pieces a derived class supplies, and the suite's lifetime and helpers.</summary>
public abstract partial class PodOrchestratorContractTests : IAsyncLifetime
{
    /// <summary>Grace period of the test pods; the probe exits at once on SIGTERM, far inside it.</summary>
    protected static readonly TimeSpan Grace = TimeSpan.FromSeconds(8);

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly List<IPodOrchestrator> _orchestrators = [];

    /// <summary>Picks a fresh pipeline name and a fresh folder for the probes' signal files.</summary>
    protected PodOrchestratorContractTests()
    {
        Pipeline = "ct-" + Guid.NewGuid().ToString("N")[..8];
        SignalDirectory = Directory.CreateTempSubdirectory("force12-signals-").FullName;
    }

    /// <summary>The pipeline this test's pods belong to (unique per test).</summary>
    protected string Pipeline { get; }

    /// <summary>Folder where the probes record <c>started</c>, <c>sigterm</c> and <c>exited</c> per container.</summary>
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

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Scales the test's pipeline to zero, then deletes the signal folder and what the derived class created.</summary>
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

    /// <summary>
    /// Waits until the probes of <paramref name="pods"/> are up (their handlers installed), as a readiness check would.
    /// A program stopped before that point may not see SIGTERM (PID 1 in a container ignores it) and is killed after grace.
    /// </summary>
    protected async Task WaitForProbesAsync(IEnumerable<PodInfo> pods)
    {
        ArgumentNullException.ThrowIfNull(pods);
        foreach (var pod in pods)
        {
            await Eventually.HoldsAsync(
                () => Task.FromResult(pod.Containers.All(c => File.Exists(Path.Combine(SignalDirectory, $"{pod.Id}.{c.Name}.started")))),
                Deadline, () => $"the probes of pod {pod.Id} have started");
        }
    }

    /// <summary>A new orchestrator from <see cref="CreateOrchestratorCore"/>, kept for the test's lifetime.</summary>
    protected IPodOrchestrator CreateOrchestrator()
    {
        var orchestrator = CreateOrchestratorCore();
        _orchestrators.Add(orchestrator);
        return orchestrator;
    }
}
