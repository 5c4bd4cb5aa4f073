using Force12.Queues.Kinesis.Consumer;
using Force12.Queues.Kinesis.Leases;

namespace Force12.Queues.Kinesis.Tests.Consumer;

public sealed class LeaseBalancerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ChooseLeasesToTake_FreeLeases_TakesUpToItsShare()
    {
        var leases = Enumerable.Range(0, 6).Select(i => Lease(i, i < 2 ? "a" : null)).ToArray();

        var taken = LeaseBalancer.ChooseLeasesToTake(leases, "b", l => l.Owner is null);

        Assert.Equal(3, taken.Count); // 6 leases over workers a and b
        Assert.All(taken, l => Assert.Null(l.Owner));
    }

    [Fact]
    public void ChooseLeasesToTake_NothingFreeAndOtherOverTarget_StealsOne()
    {
        var leases = Enumerable.Range(0, 4).Select(i => Lease(i, "a")).ToArray();

        var taken = LeaseBalancer.ChooseLeasesToTake(leases, "b", _ => false);

        Assert.Equal("shardId-000000000000", Assert.Single(taken).ShardId);
    }

    [Fact]
    public void ChooseLeasesToTake_OthersAtTargetAndNeedingTwo_StealsOne()
    {
        var leases = new[] { Lease(0, "a"), Lease(1, "a"), Lease(2, "b"), Lease(3, "b") };

        Assert.Single(LeaseBalancer.ChooseLeasesToTake(leases, "c", _ => false)); // 2-2-0 is not balanced
        Assert.Empty(LeaseBalancer.ChooseLeasesToTake([.. leases.Take(3), Lease(3, "c")], "c", _ => false)); // 2-1-1 is
    }

    [Fact]
    public void ChooseLeasesToTake_ExpiredLeaseStillNamingThisWorker_TakesItBack()
    {
        var leases = new[] { Lease(0, "b") };

        Assert.Single(LeaseBalancer.ChooseLeasesToTake(leases, "b", _ => true)); // restarted with the same id
    }

    [Fact]
    public void ChooseLeasesToTake_BalancedAlready_TakesNothing()
    {
        var leases = new[] { Lease(0, "a"), Lease(1, "a"), Lease(2, "b"), Lease(3, "b") };

        Assert.Empty(LeaseBalancer.ChooseLeasesToTake(leases, "b", _ => false));
    }

    [Fact]
    public void Workable_ChildOfUnfinishedParent_WaitsAndFinishedShardsDropOut()
    {
        var parent = Lease(0, "a");
        var child = Lease(1, null) with { ParentShardIds = ["shardId-000000000000"] };
        var done = Lease(2, null) with { Checkpoint = KclCheckpoint.ShardEnd };
        var orphan = Lease(3, null) with { ParentShardIds = ["shardId-000000000099"] }; // parent expired from the table

        var workable = LeaseBalancer.Workable([parent, child, done, orphan]);

        Assert.Equal(["shardId-000000000000", "shardId-000000000003"], workable.Select(l => l.ShardId));
        Assert.Contains(child, LeaseBalancer.Workable([parent with { Checkpoint = KclCheckpoint.ShardEnd }, child]));
    }

    [Fact]
    public void IsAvailable_CounterUnchangedLongerThanFailover_Expired()
    {
        var tracker = new LeaseExpiryTracker();
        var lease = Lease(0, "a");
        tracker.Observe([lease], T0);

        Assert.False(tracker.IsAvailable(lease, T0 + TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)));
        Assert.True(tracker.IsAvailable(lease, T0 + TimeSpan.FromSeconds(11), TimeSpan.FromSeconds(10)));
        tracker.Observe([lease with { Counter = lease.Counter + 1 }], T0 + TimeSpan.FromSeconds(11)); // renewed
        Assert.False(tracker.IsAvailable(lease with { Counter = lease.Counter + 1 }, T0 + TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(10)));
    }

    private static KclLease Lease(int shard, string? owner) => new()
    {
        Key = KclLeaseKey.ForShard($"shardId-{shard:D12}"),
        Checkpoint = KclCheckpoint.TrimHorizon,
        Owner = owner,
        Counter = 5,
    };
}
