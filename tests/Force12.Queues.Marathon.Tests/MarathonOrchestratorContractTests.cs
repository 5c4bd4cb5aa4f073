using Force12.Queues.Core.Pods;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Pods;

namespace Force12.Queues.Marathon.Tests;

/// <summary>
/// The shared engine contract against <see cref="MarathonApiDouble"/> (a double of Marathon's REST API built from its
/// published reference, not a real Marathon): the pipeline's target is a nested app with a health check, behind HTTP
/// basic credentials; the unrelated workload is a sibling app. The double locks the app during each deployment, as
/// Marathon does, so back-to-back scales also exercise the 409 retry.
/// </summary>
public sealed class MarathonOrchestratorContractTests : EngineOrchestratorContractTests, IDisposable
{
    private const string User = "force12";
    private const string Password = "double-secret";
    private readonly MarathonOrchestratorProvider _provider = MarathonOrchestrators.Provider();
    private MarathonApiDouble? _marathon;

    private MarathonApiDouble Marathon => _marathon ?? throw new InvalidOperationException("the double is not started");

    /// <inheritdoc />
    protected override string TargetName => "/lights/" + Pipeline;

    /// <inheritdoc />
    protected override async Task CreateTargetAsync()
    {
        _marathon = await MarathonApiDouble.StartAsync();
        _marathon.RequiredCredentials = $"{User}:{Password}";
        _marathon.Cluster.AddApp(TargetName);
    }

    /// <inheritdoc />
    protected override IPodOrchestrator CreateOrchestratorCore() =>
        MarathonOrchestrators.Create(_provider, Marathon, Pipeline, TargetName, User, Password);

    /// <inheritdoc />
    protected override PodTemplate CreateTemplate() => PodTemplate.DefinedByEngine(Pipeline);

    /// <inheritdoc />
    protected override Task KillPodFromOutsideAsync(PodInfo pod)
    {
        Assert.True(Marathon.Cluster.Kill(pod.Id), $"task {pod.Id} was not live in the double");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task InjectConflictOnNextWriteAsync()
    {
        Marathon.InjectDeploymentLock();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task<IUnlabelledWorkload> StartUnrelatedAsync()
    {
        const string other = "/lights/other";
        Marathon.Cluster.AddApp(other, instances: 1, healthChecks: false);
        await Eventually.HoldsAsync(() => Task.FromResult(Running(other) is not null), ConvergenceDeadline, () => $"app {other} running in the double");
        return new Sibling(this, other, Running(other)!);
    }

    /// <inheritdoc />
    protected override Task RemoveTargetAsync()
    {
        Marathon.Cluster.RemoveApp(TargetName);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task CleanupAsync()
    {
        if (_marathon is not null)
        {
            await _marathon.DisposeAsync();
        }
    }

    /// <summary>Disposes the provider's HTTP clients.</summary>
    public void Dispose() => _provider.Dispose();

    private string? Running(string app) =>
        Marathon.Cluster.With(app, a => a.Tasks.Where(t => t.State == "TASK_RUNNING").Select(t => t.Id).ToList() is [var only] ? only : null);

    /// <summary>The sibling app: its one task must keep running whatever the agent scales.</summary>
    private sealed class Sibling(MarathonOrchestratorContractTests test, string app, string taskId) : IUnlabelledWorkload
    {
        public Task<bool> IsRunningAsync() => Task.FromResult(test.Running(app) == taskId);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
