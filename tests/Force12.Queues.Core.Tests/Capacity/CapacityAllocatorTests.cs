using Force12.Queues.Core.Capacity;

namespace Force12.Queues.Core.Tests.Capacity;

public sealed class CapacityAllocatorTests
{
    private static CapacityRequest Request(string name, int priority, int need, int running = 0, int min = 0, int max = 100, int stopping = 0, bool remainder = false) =>
        new() { Pipeline = name, Priority = priority, NeededPods = need, RunningPods = running, MinPods = min, MaxPods = max, StoppingPods = stopping, IsRemainder = remainder };

    [Theory]
    // pool, need of priority 1, need of priority 2, expected targets (p1, p2)
    [InlineData(20, 8, 8, 8, 8)]    // room for both
    [InlineData(20, 15, 10, 15, 5)] // priority 2 gets the rest
    [InlineData(20, 25, 10, 20, 0)] // priority 1 takes everything
    [InlineData(0, 5, 5, 0, 0)]
    public void Allocate_TwoPriorities_HigherServedFirst(int pool, int need1, int need2, int expected1, int expected2)
    {
        var result = CapacityAllocator.Allocate(new CapacityPool { PodSlots = pool }, [Request("low", 2, need2), Request("high", 1, need1)]);

        Assert.Equal(expected2, result[0].TargetPods);
        Assert.Equal(expected1, result[1].TargetPods);
        Assert.Equal(Math.Max(0, need1 - expected1), result[1].ShortOfNeed);
    }

    [Theory]
    // pool, min of low, need of high, expected (high, low)
    [InlineData(10, 3, 10, 7, 3)]  // minimum of the lower priority is guaranteed
    [InlineData(10, 0, 10, 10, 0)]
    [InlineData(2, 3, 10, 0, 2)]   // minimums are handed out in priority order too: high has min 0
    public void Allocate_Minimums_AreReservedBeforeNeeds(int pool, int lowMin, int highNeed, int expectedHigh, int expectedLow)
    {
        var result = CapacityAllocator.Allocate(new CapacityPool { PodSlots = pool }, [Request("high", 1, highNeed), Request("low", 2, 5, min: lowMin)]);

        Assert.Equal(expectedHigh, result[0].TargetPods);
        Assert.Equal(expectedLow, result[1].TargetPods);
    }

    [Theory]
    // pool, high need, low running, low min: expected low stops / preempted, high starts now
    [InlineData(10, 8, 8, 2, 6, 6, 2)] // low stops 6 pods for high; high may start only the 2 free slots now
    [InlineData(10, 4, 8, 2, 2, 2, 2)]
    [InlineData(10, 2, 8, 2, 0, 0, 2)]
    public void Allocate_HigherPriorityNeedsRoom_PreemptsLowerAboveMinimumAndWaitsForStops(int pool, int highNeed, int lowRunning, int lowMin, int lowStops, int lowPreempted, int highStarts)
    {
        var result = CapacityAllocator.Allocate(new CapacityPool { PodSlots = pool },
            [Request("high", 1, highNeed), Request("low", 2, 8, running: lowRunning, min: lowMin)]);

        Assert.Equal(lowStops, result[1].PodsToStop);
        Assert.Equal(lowPreempted, result[1].PreemptedPods);
        Assert.Equal(highStarts, result[0].PodsToStart);
    }

    [Fact]
    public void Allocate_StoppingPodsStillHoldCapacity_StartsOnlyIntoFreeSlots()
    {
        // Low priority already stopped 6 pods that have not finished stopping: high must wait for them.
        var result = CapacityAllocator.Allocate(new CapacityPool { PodSlots = 10 },
            [Request("high", 1, 8, running: 2), Request("low", 2, 2, running: 2, min: 2, stopping: 6)]);

        Assert.Equal(8, result[0].TargetPods);
        Assert.Equal(0, result[0].PodsToStart);

        var afterStops = CapacityAllocator.Allocate(new CapacityPool { PodSlots = 10 },
            [Request("high", 1, 8, running: 2), Request("low", 2, 2, running: 2, min: 2)]);
        Assert.Equal(6, afterStops[0].PodsToStart);
    }

    [Theory]
    // pool, need of prioritised pipeline, expected pods of batch-b (remainder priority 1), of batch-a (priority 9); max 45 each
    [InlineData(20, 5, 8, 7)]
    [InlineData(20, 20, 0, 0)]
    [InlineData(100, 10, 45, 45)]
    public void Allocate_RemainderPipelines_TakeWhatIsIdleInTurn(int pool, int need, int expectedB, int expectedA)
    {
        var result = CapacityAllocator.Allocate(new CapacityPool { PodSlots = pool },
            [Request("batch-b", 1, 0, max: 45, remainder: true), Request("lights", 5, need), Request("batch-a", 9, 0, max: 45, remainder: true)]);

        Assert.Equal(need, result[1].TargetPods);
        Assert.Equal(expectedA, result[2].TargetPods);
        Assert.Equal(expectedB, result[0].TargetPods);
    }

    [Theory]
    // cpu, memory GiB, expected pods of 0.5 CPU / 1 GiB each (slots 100)
    [InlineData(4.0, 100L, 8)]
    [InlineData(100.0, 3L, 3)]
    [InlineData(2.2, 3L, 3)]
    public void Allocate_CpuAndMemoryLimits_BoundPodsPerTemplate(double cpu, long memoryGiB, int expected)
    {
        const long GiB = 1L << 30;
        var pool = new CapacityPool { PodSlots = 100, Cpu = cpu, MemoryBytes = memoryGiB * GiB };
        var request = Request("lights", 1, 50) with { PerPod = new PodResources { Cpu = 0.5, MemoryBytes = GiB } };

        Assert.Equal(expected, CapacityAllocator.Allocate(pool, [request])[0].TargetPods);
    }

    [Fact]
    public void Allocate_EqualPriorities_BreaksTiesByNameWhateverTheOrder()
    {
        var pool = new CapacityPool { PodSlots = 6 };
        var first = CapacityAllocator.Allocate(pool, [Request("b", 1, 5), Request("a", 1, 5)]);
        var second = CapacityAllocator.Allocate(pool, [Request("a", 1, 5), Request("b", 1, 5)]);

        Assert.Equal(5, first.Single(a => a.Pipeline == "a").TargetPods);
        Assert.Equal(first.OrderBy(a => a.Pipeline, StringComparer.Ordinal), second.OrderBy(a => a.Pipeline, StringComparer.Ordinal));
    }
}
