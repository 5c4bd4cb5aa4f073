using Force12.Queues.Core.Capacity;

namespace Force12.Queues.Core.Tests.Capacity;

public sealed class WarmPodAllowanceTests
{
    private static readonly CapacityPool TenSlots = new() { PodSlots = 10 };

    [Fact]
    public void Of_WarmNotCounted_KeepsEveryWarmPodEvenInAFullPool()
    {
        var requests = new[] { Request("a", priority: 1, running: 10, needed: 10) };

        var allowed = Allow(TenSlots, requests, warm: [3], counts: [false]);

        Assert.Equal([3], allowed);
    }

    [Fact]
    public void Of_WarmCounted_GetsOnlyRoomNoPodUsesOrIsAllocated()
    {
        // a runs 4 and is allocated 6; b runs 2: 8 of 10 held, 2 idle.
        var requests = new[] { Request("a", priority: 1, running: 4, needed: 6), Request("b", priority: 2, running: 2, needed: 2) };

        var allowed = Allow(TenSlots, requests, warm: [3, 1], counts: [true, false]);

        Assert.Equal([2, 1], allowed);
    }

    [Fact]
    public void Of_TwoCountedPipelines_HigherPriorityWarmFirst()
    {
        var requests = new[] { Request("low", priority: 2, running: 3, needed: 3), Request("high", priority: 1, running: 4, needed: 4) };

        var allowed = Allow(TenSlots, requests, warm: [2, 2], counts: [true, true]);

        Assert.Equal([1, 2], allowed);
    }

    [Fact]
    public void Of_AHigherPriorityNeedsTheRoom_CountedWarmPodsGoFirst()
    {
        // Both pipelines' running pods fit, but high now needs every idle slot: low keeps its pods, loses its warm ones.
        var requests = new[] { Request("low", priority: 2, running: 4, needed: 4), Request("high", priority: 1, running: 2, needed: 6) };

        var allowed = Allow(TenSlots, requests, warm: [3, 0], counts: [true, false]);

        Assert.Equal([0, 0], allowed);
    }

    [Fact]
    public void Of_StoppingPodsStillHoldTheirRoom()
    {
        var requests = new[] { Request("a", priority: 1, running: 5, needed: 5) with { StoppingPods = 4 } };

        var allowed = Allow(TenSlots, requests, warm: [3], counts: [true]);

        Assert.Equal([1], allowed);
    }

    private static IReadOnlyList<int> Allow(CapacityPool pool, CapacityRequest[] requests, int[] warm, bool[] counts) =>
        WarmPodAllowance.Of(pool, requests, CapacityAllocator.Allocate(pool, requests), warm, counts);

    private static CapacityRequest Request(string name, int priority, int running, int needed) =>
        new() { Pipeline = name, Priority = priority, RunningPods = running, NeededPods = needed };
}
