using Force12.Queues.Core.Leadership;
using Force12.Queues.Kubernetes.Leadership;
using Force12.Queues.Kubernetes.Tests.Double;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Kubernetes.Tests.Leadership;

/// <summary>
/// The Lease elector step by step against <see cref="KubernetesApiDouble"/> (a double of the Kubernetes API, not a
/// cluster), its clock a <see cref="FakeTimeProvider"/>: who leads, when a candidate may take over, the leader's fence,
/// a released Lease, and a race that only one write can win.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KubernetesLeaseElectorTests : IAsyncLifetime
{
    private const string Namespace = "force12";
    private const string LeaseName = "force12-agent";
    private static readonly LeaderElectionOptions Options = new() { Namespace = Namespace, LeaseName = LeaseName };
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private KubernetesApiDouble _api = null!;

    public async Task InitializeAsync() => _api = await KubernetesApiDouble.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task TryOnce_TwoCandidates_TheFirstCreatesTheLeaseAndLeadsTheSecondWaits()
    {
        var (a, b) = (Elector("agent-a"), Elector("agent-b"));

        await a.TryOnceAsync(CancellationToken.None);
        await b.TryOnceAsync(CancellationToken.None);

        Assert.Equal((true, "agent-a"), (a.Current.IsLeader, a.Current.Holder));
        Assert.Equal((false, "agent-a"), (b.Current.IsLeader, b.Current.Holder));
        Assert.Equal($"{Namespace}/{LeaseName}", b.Current.LeaseName);
        Assert.Equal("agent-a", _api.Leases.HolderOf(Namespace, LeaseName));
    }

    [Fact]
    public async Task TryOnce_LeaderRenews_CandidateNeverTakesOver()
    {
        var (a, b) = (Elector("agent-a"), Elector("agent-b"));
        await a.TryOnceAsync(CancellationToken.None);

        for (var i = 0; i < 30; i++)
        {
            _time.Advance(Options.RetryPeriod);
            await a.TryOnceAsync(CancellationToken.None);
            await b.TryOnceAsync(CancellationToken.None);
            Assert.True(a.Current.IsLeader && !b.Current.IsLeader, $"only agent-a leads after {(i + 1) * 2} s of renewals");
        }
    }

    [Fact]
    public async Task TryOnce_LeaderStopsRenewing_ItStopsActingAtItsDeadlineAndTheCandidateTakesOverOnlyAfterTheLeaseDuration()
    {
        var (a, b) = (Elector("agent-a"), Elector("agent-b"));
        await a.TryOnceAsync(CancellationToken.None);
        await b.TryOnceAsync(CancellationToken.None); // first sighting of agent-a's Lease, at t = 0 on agent-b's clock

        _time.Advance(Options.RenewDeadline - TimeSpan.FromMilliseconds(1));
        Assert.True(a.Current.IsLeader, "agent-a still acts just before its renew deadline");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(a.Current.IsLeader, "agent-a stops acting at its renew deadline without a renewal");

        _time.Advance(Options.LeaseDuration - Options.RenewDeadline - TimeSpan.FromMilliseconds(1));
        await b.TryOnceAsync(CancellationToken.None);
        Assert.False(b.Current.IsLeader, "agent-b waits while it has seen the Lease unchanged for less than leaseDuration");

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await b.TryOnceAsync(CancellationToken.None);
        Assert.Equal((true, "agent-b"), (b.Current.IsLeader, _api.Leases.HolderOf(Namespace, LeaseName)));

        await a.TryOnceAsync(CancellationToken.None); // agent-a comes back: it sees agent-b's Lease and stays a follower
        Assert.Equal((false, "agent-b"), (a.Current.IsLeader, a.Current.Holder));
    }

    [Fact]
    public async Task RunAsync_StoppedLeaderReleasesTheLease_CandidateTakesOverAtItsNextTry()
    {
        var (a, b) = (Elector("agent-a"), Elector("agent-b"));
        using var stop = new CancellationTokenSource();
        var campaign = a.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => Task.FromResult(a.Current.IsLeader), TimeSpan.FromSeconds(30), () => "agent-a leads");
        await b.TryOnceAsync(CancellationToken.None);

        await stop.CancelAsync();
        await campaign;
        await b.TryOnceAsync(CancellationToken.None);

        Assert.False(a.Current.IsLeader);
        Assert.Equal((true, "agent-b"), (b.Current.IsLeader, _api.Leases.HolderOf(Namespace, LeaseName)));
        Assert.Equal([("agent-a", "agent-a"), ("agent-a", null), ("agent-b", "agent-b")], _api.Leases.Writes.Select(w => (w.Agent, w.Holder)));
    }

    [Fact]
    public async Task TryOnce_TwoCandidatesRaceForAnExpiredLease_ExactlyOneWins()
    {
        var gone = Elector("agent-gone");
        await gone.TryOnceAsync(CancellationToken.None);
        var candidates = Enumerable.Range(0, 4).Select(i => Elector($"agent-{i}")).ToArray();
        await Task.WhenAll(candidates.Select(c => c.TryOnceAsync(CancellationToken.None)));
        _time.Advance(Options.LeaseDuration);

        await Task.WhenAll(candidates.Select(c => c.TryOnceAsync(CancellationToken.None)));

        var leader = Assert.Single(candidates, c => c.Current.IsLeader);
        Assert.Equal(leader.Current.Identity, _api.Leases.HolderOf(Namespace, LeaseName));
        Assert.Equal(2, _api.Leases.Writes.Count); // agent-gone's create, then one takeover: every other write met 409
    }

    [Fact]
    public async Task TryOnce_RbacForbidsLeases_NeverLeads()
    {
        _api.Cluster.Forbid("create", "leases");
        var a = Elector("agent-a");

        await a.TryOnceAsync(CancellationToken.None);

        Assert.False(a.Current.IsLeader);
        Assert.Empty(_api.Leases.Writes);
    }

    [Fact]
    public async Task TryOnce_ApiServerUnreachable_NeitherThrowsNorLeadsThenLeadsOnceReachable()
    {
        var link = new DoubleAgentHandler("agent-a") { Severed = true };
        var a = new KubernetesLeaseElector(Options, "agent-a", () => new KubernetesLeaseApi(_api.CreateClient(link), Namespace, LeaseName), _time, NullLogger.Instance);

        await a.TryOnceAsync(CancellationToken.None);
        Assert.False(a.Current.IsLeader);

        link.Severed = false;
        await a.TryOnceAsync(CancellationToken.None);
        Assert.True(a.Current.IsLeader);
    }

    [Fact]
    public async Task Calls_AreExactlyTheLeaseCallsThatTheDirectModesRoleGrants()
    {
        var (a, b) = (Elector("agent-a"), Elector("agent-b"));
        await a.TryOnceAsync(CancellationToken.None); // GET (404), POST
        await a.TryOnceAsync(CancellationToken.None); // GET, PUT (renew)
        await b.TryOnceAsync(CancellationToken.None); // GET
        _time.Advance(Options.LeaseDuration);
        await b.TryOnceAsync(CancellationToken.None); // GET, PUT (takeover)

        var used = _api.Requests
            .Select(r => r.Replace($"/namespaces/{Namespace}/", "/namespaces/{ns}/", StringComparison.Ordinal).Replace($"/leases/{LeaseName}", "/leases/{name}", StringComparison.Ordinal))
            .ToHashSet();

        Assert.Equal(KubernetesApiCalls.LeaderElection.Select(c => c.Request).Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    private KubernetesLeaseElector Elector(string identity) => new(
        Options, identity, () => new KubernetesLeaseApi(_api.CreateClient(new DoubleAgentHandler(identity)), Namespace, LeaseName), _time,
        NullLogger.Instance);
}
