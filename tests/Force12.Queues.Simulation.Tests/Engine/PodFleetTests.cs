using Force12.Queues.Simulation.Engine;

namespace Force12.Queues.Simulation.Tests.Engine;

public sealed class PodFleetTests
{
    private static (PodFleet Fleet, SimPartition[] Partitions) Fleet(int partitions, int pods)
    {
        var parts = Enumerable.Range(0, partitions).Select(_ => new SimPartition()).ToArray();
        var fleet = new PodFleet(parts, new SimulationOptions());
        fleet.StartReady(pods);
        return (fleet, parts);
    }

    [Fact]
    public void Advance_PodJoins_MovesOnlyPartitionsItTakesAndPausesThem()
    {
        var (fleet, partitions) = Fleet(12, 3);
        var before = partitions.Select(p => p.Owner).ToArray();

        var done = fleet.Apply(start: 1, stop: 0, now: 10).ToList();
        fleet.Advance(done.Single());

        var moved = partitions.Where((p, i) => p.Owner != before[i]).ToList();
        Assert.Equal(3, moved.Count); // 12 partitions over 4 pods: the new pod takes 3, nothing else moves
        Assert.All(moved, p => Assert.Equal(11 + 2, p.PausedUntil));
        Assert.All(partitions.Where((p, i) => p.Owner == before[i]), p => Assert.Equal(0, p.PausedUntil));
    }

    [Fact]
    public void Apply_Stop_StopsNewestAndBillsUntilStopped()
    {
        var (fleet, partitions) = Fleet(4, 2);

        var done = fleet.Apply(start: 0, stop: 1, now: 5).Single();

        Assert.Equal(2, fleet.Billed);
        Assert.All(partitions, p => Assert.Equal(0, p.Owner)); // pod 1 (newest) stopped; pod 0 took everything
        fleet.Advance(done);
        Assert.Equal(1, fleet.Billed);
    }

    [Fact]
    public void Apply_MorePodsThanPartitions_ExtraPodsGetNothing()
    {
        var (fleet, partitions) = Fleet(2, 3);

        Assert.Equal(2, partitions.Select(p => p.Owner).Distinct().Count());
        Assert.Single(fleet.Pods, p => p.Partitions.Count == 0);
    }
}
