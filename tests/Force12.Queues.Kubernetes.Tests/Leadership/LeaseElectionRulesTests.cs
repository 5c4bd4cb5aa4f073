using Force12.Queues.Kubernetes.Leadership;

namespace Force12.Queues.Kubernetes.Tests.Leadership;

/// <summary>The election's pure decisions: which write follows a read, when a Lease counts as expired, and the leader's fence.</summary>
public sealed class LeaseElectionRulesTests
{
    private const string Me = "agent-a";
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);

    [Fact]
    public void Next_NoLease_Creates()
    {
        var (action, sighting) = LeaseElectionRules.Next(null, null, Me, TimeSpan.FromSeconds(3), Duration);

        Assert.Equal((LeaseAction.Create, (LeaseSighting?)null), (action, sighting));
    }

    [Fact]
    public void Next_HeldByMe_Renews()
    {
        var (action, _) = LeaseElectionRules.Next(new LeaseRecord(Me, 15, "7"), null, Me, TimeSpan.Zero, Duration);

        Assert.Equal(LeaseAction.Renew, action);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Next_Released_TakesOverAtOnce(string? holder)
    {
        var (action, _) = LeaseElectionRules.Next(new LeaseRecord(holder, 1, "9"), null, Me, TimeSpan.Zero, Duration);

        Assert.Equal(LeaseAction.TakeOver, action);
    }

    [Theory]
    [InlineData(0, "Wait")]
    [InlineData(14.999, "Wait")]
    [InlineData(15, "TakeOver")]
    [InlineData(40, "TakeOver")]
    public void Next_OtherHolderUnchanged_ExpiresAfterItsDurationOnMyClock(double secondsSinceFirstSeen, string expectedAction)
    {
        var expected = Enum.Parse<LeaseAction>(expectedAction);
        var lease = new LeaseRecord("agent-b", 15, "7");
        var first = LeaseElectionRules.Next(lease, null, Me, TimeSpan.FromSeconds(100), Duration).Sighting;

        var (action, sighting) = LeaseElectionRules.Next(lease, first, Me, TimeSpan.FromSeconds(100 + secondsSinceFirstSeen), Duration);

        Assert.Equal(expected, action);
        Assert.Equal(new LeaseSighting("7", TimeSpan.FromSeconds(100)), sighting);
    }

    [Fact]
    public void Next_OtherHolderRenewed_RestartsTheWait()
    {
        var seen = new LeaseSighting("7", TimeSpan.FromSeconds(0));

        var (action, sighting) = LeaseElectionRules.Next(new LeaseRecord("agent-b", 15, "8"), seen, Me, TimeSpan.FromSeconds(20), Duration);

        Assert.Equal(LeaseAction.Wait, action);
        Assert.Equal(new LeaseSighting("8", TimeSpan.FromSeconds(20)), sighting);
    }

    [Fact]
    public void Next_OtherHolderRenewTimeInThePast_IsNotTrusted()
    {
        // A first sighting never counts as expired, whatever the holder's clock wrote: only time on this agent's clock does.
        var (action, _) = LeaseElectionRules.Next(new LeaseRecord("agent-b", 15, "7"), null, Me, TimeSpan.FromHours(5), Duration);

        Assert.Equal(LeaseAction.Wait, action);
    }

    [Fact]
    public void Next_LeaseWithoutDuration_UsesMine()
    {
        var seen = new LeaseSighting("7", TimeSpan.Zero);

        Assert.Equal(LeaseAction.Wait, LeaseElectionRules.Next(new LeaseRecord("agent-b", null, "7"), seen, Me, TimeSpan.FromSeconds(14), Duration).Action);
        Assert.Equal(LeaseAction.TakeOver, LeaseElectionRules.Next(new LeaseRecord("agent-b", null, "7"), seen, Me, TimeSpan.FromSeconds(15), Duration).Action);
    }

    [Theory]
    [InlineData(null, 1, false)]
    [InlineData(10.0, 10.0, true)]
    [InlineData(10.0, 19.999, true)]
    [InlineData(10.0, 20.0, false)]
    public void MayAct_OnlyWithinTheRenewDeadlineOfTheLastWrite(double? lastWriteBegan, double now, bool expected)
    {
        var began = lastWriteBegan is { } b ? TimeSpan.FromSeconds(b) : (TimeSpan?)null;

        Assert.Equal(expected, LeaseElectionRules.MayAct(began, TimeSpan.FromSeconds(now), TimeSpan.FromSeconds(10)));
    }
}
