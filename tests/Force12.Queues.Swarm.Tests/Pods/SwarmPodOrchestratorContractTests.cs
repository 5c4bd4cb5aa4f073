using Force12.Queues.Core.Pods;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Pods;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Swarm.Tests.Pods;

/// <summary>The shared engine-orchestrator contract against the real single-node swarm on the local engine.</summary>
[Collection(SwarmCollectionDefinition.Name)]
public sealed class SwarmPodOrchestratorContractTests : EngineOrchestratorContractTests
{
    private readonly ConflictInjectingSwarmClient _client;
    private readonly string _unrelated;

    public SwarmPodOrchestratorContractTests(SwarmFixture swarm)
    {
        _client = new ConflictInjectingSwarmClient(swarm.Client);
        _unrelated = "unrelated-" + Pipeline;
    }

    /// <summary>The service is named apart from the pipeline, so messages must name the service itself.</summary>
    protected override string TargetName => "svc-" + Pipeline;

    protected override Task CreateTargetAsync() => SwarmTestServices.CreateAsync(TargetName);

    protected override IPodOrchestrator CreateOrchestratorCore() =>
        new SwarmPodOrchestrator(
            _client,
            new Dictionary<string, string> { [Pipeline] = TargetName },
            new SwarmOrchestratorOptions { ConvergencePollInterval = TimeSpan.FromMilliseconds(100) },
            TimeProvider.System,
            NullLogger.Instance);

    protected override PodTemplate CreateTemplate() => PodTemplate.DefinedByEngine(Pipeline);

    protected override Task KillPodFromOutsideAsync(PodInfo pod) => DockerCli.RunAsync("kill", Assert.Single(pod.Containers).Id);

    protected override Task InjectConflictOnNextWriteAsync()
    {
        _client.ConflictOnNextWrite();
        return Task.CompletedTask;
    }

    protected override async Task<IUnlabelledWorkload> StartUnrelatedAsync()
    {
        await SwarmTestServices.CreateAsync(_unrelated, replicas: 1);
        await Eventually.HoldsAsync(async () => await SwarmTestServices.RunningTasksAsync(_unrelated) == 1,
            ConvergenceDeadline, () => $"the one task of the unrelated service {_unrelated} running");
        return new UnrelatedService(_unrelated);
    }

    protected override Task RemoveTargetAsync() => DockerCli.RunAsync("service", "rm", TargetName);

    protected override async Task CleanupAsync()
    {
        await SwarmTestServices.RemoveAsync(TargetName);
        await SwarmTestServices.RemoveAsync(_unrelated);
    }

    private sealed class UnrelatedService(string name) : IUnlabelledWorkload
    {
        public async Task<bool> IsRunningAsync() =>
            await SwarmTestServices.ReplicasAsync(name) == 1 && await SwarmTestServices.RunningTasksAsync(name) == 1;

        public async ValueTask DisposeAsync() => await SwarmTestServices.RemoveAsync(name);
    }
}
