using Force12.Queues.Core.Pods;

namespace Force12.Queues.Testing.Pods;

/// <summary>The engine-specific pieces a derived class supplies, and the suite's lifetime and helpers.</summary>
public abstract partial class EngineOrchestratorContractTests : IAsyncLifetime
{
    /// <summary>How long an engine may take to converge on a count (generous: it only costs time when a test fails).</summary>
    protected static readonly TimeSpan ConvergenceDeadline = TimeSpan.FromSeconds(60);

    private readonly List<IPodOrchestrator> _orchestrators = [];

    /// <summary>Picks a fresh pipeline name.</summary>
    protected EngineOrchestratorContractTests()
    {
        Pipeline = "ct-" + Guid.NewGuid().ToString("N")[..8];
    }

    /// <summary>The pipeline this test scales (unique per test).</summary>
    protected string Pipeline { get; }

    /// <summary>The name of the pipeline's target in the engine (service, workload, job, app), which error messages must name.</summary>
    protected abstract string TargetName { get; }

    /// <summary>Creates the pipeline's target in the engine at zero replicas (or what the engine needs first).</summary>
    protected abstract Task CreateTargetAsync();

    /// <summary>A new orchestrator instance sharing the engine with earlier ones (as after an agent restart).</summary>
    protected abstract IPodOrchestrator CreateOrchestratorCore();

    /// <summary>The pipeline's template: <see cref="PodTemplate.DefinedByEngine"/> where the engine defines the pod.</summary>
    protected abstract PodTemplate CreateTemplate();

    /// <summary>Kills one pod (task, container) outside the agent, as a crash or an operator would.</summary>
    protected abstract Task KillPodFromOutsideAsync(PodInfo pod);

    /// <summary>Makes the engine answer the orchestrator's next write with a conflict (stale version, 409, deployment in progress).</summary>
    protected abstract Task InjectConflictOnNextWriteAsync();

    /// <summary>Starts a workload the pipeline does not target and returns a handle to check and remove it.</summary>
    protected abstract Task<IUnlabelledWorkload> StartUnrelatedAsync();

    /// <summary>Deletes the pipeline's target from the engine.</summary>
    protected abstract Task RemoveTargetAsync();

    /// <summary>Removes the target and anything else the derived class created; runs after every test.</summary>
    protected abstract Task CleanupAsync();

    /// <inheritdoc />
    public Task InitializeAsync() => CreateTargetAsync();

    /// <summary>Removes what the test created.</summary>
    public Task DisposeAsync() => CleanupAsync();

    /// <summary>A new orchestrator from <see cref="CreateOrchestratorCore"/>, kept for the test's lifetime.</summary>
    protected IPodOrchestrator CreateOrchestrator()
    {
        var orchestrator = CreateOrchestratorCore();
        _orchestrators.Add(orchestrator);
        return orchestrator;
    }

    /// <summary>Awaits exactly <paramref name="count"/> pods of the pipeline, every one running or ready, and returns them.</summary>
    protected async Task<IReadOnlyList<PodInfo>> AwaitRunningPodsAsync(IPodOrchestrator orchestrator, int count)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        IReadOnlyList<PodInfo> pods = [];
        await Eventually.HoldsAsync(async () =>
            {
                pods = await orchestrator.ListPodsAsync(Pipeline);
                return pods.Count == count && pods.All(p => p.State is PodState.Running or PodState.Ready);
            },
            ConvergenceDeadline,
            () => $"exactly {count} running pods of {Pipeline} (last seen: {string.Join(", ", pods.Select(p => $"{p.Id} {p.State}"))})");
        return pods;
    }
}
