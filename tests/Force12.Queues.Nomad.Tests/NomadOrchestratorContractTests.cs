using Force12.Queues.Core.Pods;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Pods;

namespace Force12.Queues.Nomad.Tests;

/// <summary>
/// The shared engine contract against <see cref="NomadApiDouble"/> (a double of Nomad's HTTP API built from its
/// published reference, not a real Nomad): the pipeline's target is task group <c>processor</c> of a job in namespace
/// <c>team-a</c>, behind an ACL token; the unrelated workload is another group of the same job.
/// </summary>
public sealed class NomadOrchestratorContractTests : EngineOrchestratorContractTests, IDisposable
{
    private const string Namespace = "team-a";
    private const string Group = "processor";
    private const string Token = "double-acl-token";
    private readonly NomadOrchestratorProvider _provider = NomadOrchestrators.Provider();
    private NomadApiDouble? _nomad;

    private NomadApiDouble Nomad => _nomad ?? throw new InvalidOperationException("the double is not started");

    /// <inheritdoc />
    protected override string TargetName => "job-" + Pipeline;

    /// <inheritdoc />
    protected override async Task CreateTargetAsync()
    {
        _nomad = await NomadApiDouble.StartAsync();
        _nomad.RequiredToken = Token;
        _nomad.Cluster.AddJob(Namespace, TargetName, new Dictionary<string, int> { [Group] = 0 });
    }

    /// <inheritdoc />
    protected override IPodOrchestrator CreateOrchestratorCore() =>
        NomadOrchestrators.Create(_provider, Nomad, Pipeline, TargetName, Group, Namespace, Token);

    /// <inheritdoc />
    protected override PodTemplate CreateTemplate() => PodTemplate.DefinedByEngine(Pipeline);

    /// <inheritdoc />
    protected override Task KillPodFromOutsideAsync(PodInfo pod)
    {
        Assert.True(Nomad.Cluster.Kill(pod.Id), $"allocation {pod.Id} was not live in the double");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task InjectConflictOnNextWriteAsync()
    {
        Nomad.InjectDeploymentInProgress();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task<IUnlabelledWorkload> StartUnrelatedAsync()
    {
        Nomad.Cluster.AddJob(Namespace, TargetName, new Dictionary<string, int> { [Group] = 0, ["web"] = 1 });
        await Eventually.HoldsAsync(
            () => Task.FromResult(OtherGroup.Running(Nomad, TargetName) is not null), ConvergenceDeadline, () => $"group web of {TargetName} running in the double");
        return new OtherGroup(Nomad, TargetName, OtherGroup.Running(Nomad, TargetName)!.Id);
    }

    /// <inheritdoc />
    protected override Task RemoveTargetAsync()
    {
        Nomad.Cluster.RemoveJob(Namespace, TargetName);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task CleanupAsync()
    {
        if (_nomad is not null)
        {
            await _nomad.DisposeAsync();
        }
    }

    /// <summary>Disposes the provider's HTTP clients.</summary>
    public void Dispose() => _provider.Dispose();

    /// <summary>Group <c>web</c> of the same job: its one allocation must keep running whatever the agent scales.</summary>
    private sealed class OtherGroup(NomadApiDouble nomad, string job, string allocationId) : IUnlabelledWorkload
    {
        public static NomadDoubleAllocation? Running(NomadApiDouble nomad, string job) =>
            nomad.Cluster.Allocations(Namespace, job).Where(a => a.Group == "web" && a.IsLive && a.ClientStatus == "running").ToList() is [var only] ? only : null;

        public Task<bool> IsRunningAsync() => Task.FromResult(Running(nomad, job)?.Id == allocationId);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
