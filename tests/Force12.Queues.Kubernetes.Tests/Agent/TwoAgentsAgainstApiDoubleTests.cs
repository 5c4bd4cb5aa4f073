using Force12.Queues.Core.Leadership;
using Force12.Queues.Kubernetes.Tests.Double;
using Force12.Queues.Testing;
using Xunit.Abstractions;

namespace Force12.Queues.Kubernetes.Tests.Agent;

/// <summary>
/// Two agent replicas (each a <see cref="LoopAgent"/>: its own control loop, Lease elector and orchestrator) against one
/// <see cref="KubernetesApiDouble"/> (a double of the Kubernetes API, not a cluster), their demand changing every tick so
/// that whoever may act writes replicas all the time. The double records the agent behind every replica write and the
/// Lease holder at that instant: every write must come from the holder, and the writers must follow each other
/// (A, A, ..., then B, B, ...), never interleave, which is "no tick in which both acted".
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class TwoAgentsAgainstApiDoubleTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    // The durations of deploy/kubernetes/direct: a takeover at most leaseDuration + 2 x retryPeriod = 14 s after the leader's last renewal.
    private static readonly LeaderElectionOptions Deployed = new()
    {
        LeaseDuration = TimeSpan.FromSeconds(10), RenewDeadline = TimeSpan.FromSeconds(6), RetryPeriod = TimeSpan.FromSeconds(2),
    };
    // Short durations where the time to failover is not what is measured.
    private static readonly LeaderElectionOptions Quick = new()
    {
        LeaseDuration = TimeSpan.FromSeconds(3), RenewDeadline = TimeSpan.FromSeconds(2), RetryPeriod = TimeSpan.FromMilliseconds(250),
    };

    private KubernetesApiDouble _api = null!;

    public async Task InitializeAsync()
    {
        _api = await KubernetesApiDouble.StartAsync();
        _api.AddWorkload(KubernetesWorkloadKind.Deployment, LoopAgent.Namespace, LoopAgent.Workload);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task TwoAgents_BothRunning_ExactlyOneActsAndTheOtherDecidesReadOnly()
    {
        await using var a = await LeaderAsync("agent-a", Quick);
        await using var b = Follower("agent-b", Quick);

        await WritesAsync(10, "ten replica writes");
        await Eventually.HoldsAsync(() => Task.FromResult(b.Board.Current.Tick > 5), Deadline, () => "agent-b completed five ticks");

        Assert.All(Writes(), w => Assert.Equal("agent-a", w.Agent));
        AssertFenced();
        var standby = b.Board.Current;
        Assert.Equal(new LeadershipStatus { Enabled = true, IsLeader = false, Identity = "agent-b", Holder = "agent-a", LeaseName = $"{LoopAgent.Namespace}/{LoopAgent.LeaseName}" }, standby.Leadership);
        Assert.True(Assert.Single(standby.Pipelines).NeededPods > 0, "the standby still decides");
    }

    [Fact]
    public async Task LeaderKilledWithoutReleasing_TheOtherActsWithin15Seconds()
    {
        await using var a = await LeaderAsync("agent-a", Deployed);
        await using var b = Follower("agent-b", Deployed);
        await WritesAsync(3, "three replica writes by agent-a");

        var killed = TimeProvider.System.GetTimestamp();
        await a.KillAsync();
        await Eventually.HoldsAsync(() => Task.FromResult(Writes().Any(w => w.Agent == "agent-b")), Deadline, () => "a replica write by agent-b");
        var failover = TimeProvider.System.GetElapsedTime(killed);

        output.WriteLine($"failover (kill to agent-b's first replica write) with leaseDuration 10s, renewDeadline 6s, retryPeriod 2s: {failover.TotalSeconds:0.0} s");
        Assert.True(failover < TimeSpan.FromSeconds(15), $"agent-b acted {failover.TotalSeconds:0.0} s after agent-a died (at most 15 s)");
        // The last renewal may have been written up to one retry period (and a request) before the kill: the candidate's wait
        // for expiry started then, so it acts no earlier than leaseDuration less about a retry period after the kill.
        Assert.True(failover >= Deployed.LeaseDuration - 2 * Deployed.RetryPeriod, $"agent-b waited for the Lease to expire (acted after {failover.TotalSeconds:0.0} s)");
        AssertFenced();
    }

    [Fact]
    public async Task LeaderCutOffFromItsLease_StopsActingBeforeTheOtherTakesOver()
    {
        await using var a = await LeaderAsync("agent-a", Quick);
        await using var b = Follower("agent-b", Quick);
        await WritesAsync(3, "three replica writes by agent-a");

        a.LoseLeaseConnection(); // its loop keeps ticking and its orchestrator still reaches the workload
        await Eventually.HoldsAsync(() => Task.FromResult(Writes().Count(w => w.Agent == "agent-b") >= 5), Deadline, () => "five replica writes by agent-b");

        Assert.False(a.Board.Current.Leadership.IsLeader);
        AssertFenced();
    }

    [Fact]
    public async Task LeaderStoppedGracefully_ReleasesAndTheOtherActsWellBeforeTheLeaseWouldExpire()
    {
        await using var a = await LeaderAsync("agent-a", Deployed);
        await using var b = Follower("agent-b", Deployed);
        await WritesAsync(3, "three replica writes by agent-a");

        var stopped = TimeProvider.System.GetTimestamp();
        await a.StopAsync();
        await Eventually.HoldsAsync(() => Task.FromResult(Writes().Any(w => w.Agent == "agent-b")), Deadline, () => "a replica write by agent-b");
        var takeover = TimeProvider.System.GetElapsedTime(stopped);

        output.WriteLine($"takeover after a graceful stop (retryPeriod 2s): {takeover.TotalSeconds:0.0} s");
        Assert.True(takeover < Deployed.LeaseDuration - Deployed.RetryPeriod, $"agent-b acted {takeover.TotalSeconds:0.0} s after agent-a released the Lease");
        Assert.Contains(_api.Leases.Writes, w => w is { Agent: "agent-a", Holder: null });
        AssertFenced();
    }

    private async Task<LoopAgent> LeaderAsync(string identity, LeaderElectionOptions options)
    {
        var agent = new LoopAgent(identity, _api, options);
        agent.Start();
        await Eventually.HoldsAsync(() => Task.FromResult(agent.Elector.Current.IsLeader), Deadline, () => $"{identity} leads");
        return agent;
    }

    private LoopAgent Follower(string identity, LeaderElectionOptions options)
    {
        var agent = new LoopAgent(identity, _api, options);
        agent.Start();
        return agent;
    }

    private List<ScaleWrite> Writes() => _api.Cluster.Locked(() => _api.ScaleWrites.ToList());

    private Task WritesAsync(int count, string what) =>
        Eventually.HoldsAsync(() => Task.FromResult(Writes().Count >= count), Deadline, () => $"{what} (seen {Writes().Count})");

    /// <summary>Every replica write came from the Lease's holder at that instant, and the writers never interleave.</summary>
    private void AssertFenced()
    {
        var writes = Writes();
        var lease = $"{LoopAgent.Namespace}/{LoopAgent.LeaseName}";
        Assert.All(writes, w => Assert.Equal(w.Agent, w.Holders.GetValueOrDefault(lease)));
        var runs = writes.Select(w => w.Agent).Where((agent, i) => i == 0 || agent != writes[i - 1].Agent).ToList();
        Assert.Equal(runs.Distinct().Count(), runs.Count);
    }
}
