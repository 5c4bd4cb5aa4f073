using Force12.Queues.Core.Agent;
using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Tools.Demo;

namespace Force12.Queues.Tools.Tests.Demo;

/// <summary>The priorities demo's pool arithmetic over hand-made ticks.</summary>
public sealed class PoolUseTests
{
    private static readonly DemoScenario Priorities = DemoScenario.For(new DemoOptions { Scenario = DemoScenario.Priorities }, new SplitMixRandomSource(1));

    [Fact]
    public void From_SpikeTakesSlotsAndGivesThemBack_CountsContentionYieldsAndTakesBack()
    {
        // (bulbs need, bulbs target, backfill need, backfill target, slots held by each)
        var ticks = new[]
        {
            Tick(1, 1, 1, 9, 8, 1, 8),
            Tick(2, 5, 5, 9, 4, 5, 4),
            Tick(3, 8, 8, 9, 1, 8, 0),
            Tick(4, 2, 2, 9, 7, 2, 7),
            Tick(5, 1, 1, 3, 3, 1, 3),
        };

        var use = PoolUse.From(Priorities, ticks);

        Assert.Equal(9, use.MostInUse);
        Assert.Equal(4, use.ContentionTicks);
        Assert.Equal(3, use.FullTicks);
        Assert.Equal(100 * (9 + 9 + 8 + 9) / 36.0, use.UsePercent, 6);
        Assert.Equal(4, use.HighMetTicks);
        Assert.Equal(3, use.LowYields);
        Assert.Equal(1, use.LowTakesBack);
    }

    [Fact]
    public void From_PriorityOneShortOfItsNeed_IsNotCountedAsMet()
    {
        var use = PoolUse.From(Priorities, [Tick(1, 8, 6, 9, 3, 6, 3)]);

        Assert.Equal(1, use.ContentionTicks);
        Assert.Equal(0, use.HighMetTicks);
    }

    [Fact]
    public void For_Priorities_NinePodSlotsBulbsFirstWithEightBackfillSecond()
    {
        Assert.Equal(9, Priorities.PodSlots);
        Assert.Equal(["bulbs:1:8", "backfill:2:9"], Priorities.Pipelines.Select(p => $"{p.Name}:{p.Priority}:{p.Partitions}"));
    }

    private static AgentStatus Tick(long tick, int bulbsNeed, int bulbsTarget, int backfillNeed, int backfillTarget, int bulbsUsed, int backfillUsed) => new()
    {
        Tick = tick,
        At = DateTimeOffset.UnixEpoch.AddSeconds(tick),
        CapacitySlots = 9,
        Pipelines =
        [
            new PipelineStatus { Name = "bulbs", SourceKind = "kafka", Priority = 1, NeededPods = bulbsNeed, TargetPods = bulbsTarget, CapacityUsed = bulbsUsed },
            new PipelineStatus { Name = "backfill", SourceKind = "kafka", Priority = 2, NeededPods = backfillNeed, TargetPods = backfillTarget, CapacityUsed = backfillUsed },
        ],
    };
}
