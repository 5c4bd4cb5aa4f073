using Force12.Queues.Core.Pods;
using Force12.Queues.Ecs.Tests.Double;
using Force12.Queues.Testing.Pods;

namespace Force12.Queues.Ecs.Tests;

/// <summary>
/// The shared engine contract run against the ECS API DOUBLE (built from the published ECS reference; no ECS runs here).
/// Each test gets its own double with one cluster and the pipeline's service at desired count 0.
/// </summary>
public sealed class EcsOrchestratorOnApiDoubleContractTests : EngineOrchestratorContractTests
{
    private const string Cluster = "force12-contract";
    private readonly List<EcsPodOrchestrator> _created = [];
    private EcsApiDouble _double = null!;

    protected override string TargetName => $"{Pipeline}-service";

    protected override async Task CreateTargetAsync()
    {
        _double = await EcsApiDouble.StartAsync();
        lock (_double.State.Gate)
        {
            _double.State.AddService(Cluster, TargetName, desiredCount: 0);
        }
    }

    protected override IPodOrchestrator CreateOrchestratorCore()
    {
        var orchestrator = EcsDoubleOrchestrators.Create(_double, Pipeline, Cluster, TargetName);
        _created.Add(orchestrator);
        return orchestrator;
    }

    protected override PodTemplate CreateTemplate() => PodTemplate.DefinedByEngine(Pipeline);

    protected override Task KillPodFromOutsideAsync(PodInfo pod)
    {
        lock (_double.State.Gate)
        {
            _double.State.Stop(_double.State.Task(pod.Id) ?? throw new InvalidOperationException($"the double has no task {pod.Id}"));
        }

        return Task.CompletedTask;
    }

    // ECS has no versions to be stale and no 409: concurrent or too frequent writes are answered with
    // ThrottlingException (HTTP 400), the "busy" answer the orchestrator must retry with backoff.
    protected override Task InjectConflictOnNextWriteAsync()
    {
        _double.FailNext("UpdateService", "ThrottlingException");
        return Task.CompletedTask;
    }

    protected override Task<IUnlabelledWorkload> StartUnrelatedAsync()
    {
        var name = $"{Pipeline}-unrelated";
        lock (_double.State.Gate)
        {
            _double.State.AddService(Cluster, name, desiredCount: 1);
        }

        return Task.FromResult<IUnlabelledWorkload>(new UnrelatedService(_double, Cluster, name));
    }

    protected override Task RemoveTargetAsync()
    {
        lock (_double.State.Gate)
        {
            _double.State.RemoveService(Cluster, TargetName);
        }

        return Task.CompletedTask;
    }

    protected override async Task CleanupAsync()
    {
        _created.ForEach(o => o.Dispose());
        await _double.DisposeAsync();
    }

    private sealed class UnrelatedService(EcsApiDouble api, string cluster, string name) : IUnlabelledWorkload
    {
        public Task<bool> IsRunningAsync()
        {
            lock (api.State.Gate)
            {
                var service = api.State.Service(cluster, name);
                return Task.FromResult(service is { DesiredCount: 1 }
                    && api.State.TasksOf(service).Count(t => t.DesiredStatus == "RUNNING") == 1);
            }
        }

        public ValueTask DisposeAsync()
        {
            lock (api.State.Gate)
            {
                api.State.RemoveService(cluster, name);
            }

            return ValueTask.CompletedTask;
        }
    }
}
