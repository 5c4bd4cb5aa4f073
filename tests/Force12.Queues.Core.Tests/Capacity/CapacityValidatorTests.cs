using Force12.Queues.Core.Capacity;

namespace Force12.Queues.Core.Tests.Capacity;

public sealed class CapacityValidatorTests
{
    [Fact]
    public void Validate_ValidPoolAndRequests_ReturnsNoErrors()
    {
        var errors = CapacityValidator.Validate(new CapacityPool { PodSlots = 10, Cpu = 4 }, [new CapacityRequest { Pipeline = "a", MaxPods = 5 }]);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryErrorNamingPipelineAndField()
    {
        var pool = new CapacityPool { PodSlots = -1, Cpu = double.NaN, MemoryBytes = -2 };
        CapacityRequest[] requests =
        [
            new() { Pipeline = "a", Priority = 0, MinPods = 3, MaxPods = 2 },
            new() { Pipeline = "a", RunningPods = -1, PerPod = new PodResources { Cpu = -0.5 } },
        ];

        var errors = CapacityValidator.Validate(pool, requests);

        Assert.Equal(
        [
            "pool.PodSlots must be >= 0 (was -1).",
            "pool.Cpu must be a finite number of cores >= 0 or unset (was NaN).",
            "pool.MemoryBytes must be >= 0 or unset (was -2).",
            "pipeline 'a' is requested 2 times; names must be unique.",
            "pipeline 'a'.Priority must be >= 1 (1 is highest) (was 0).",
            "pipeline 'a'.MaxPods must be >= MinPods (3) (was 2).",
            "pipeline 'a': NeededPods, RunningPods and StoppingPods must be >= 0 (were 0, -1, 0).",
            "pipeline 'a'.PerPod must have Cpu and MemoryBytes >= 0 (were -0.5, 0).",
        ], errors);
    }
}
