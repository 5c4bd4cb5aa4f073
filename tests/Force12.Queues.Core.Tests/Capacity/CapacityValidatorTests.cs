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
            "capacity.podSlots: must be >= 0 (was -1)",
            "capacity.cpu: must be a finite number of cores >= 0 or unset (was NaN)",
            "capacity.memory: must be >= 0 or unset (was -2)",
            "pipelines.a: is requested 2 times; names must be unique",
            "pipelines.a.priority: must be >= 1 (1 is highest) (was 0)",
            "pipelines.a.maxPods: must be >= minPods (3) (was 2)",
            "pipelines.a: needed, running and stopping pods must be >= 0 (were 0, -1, 0)",
            "pipelines.a.pod: cpu and memory per pod must be >= 0 (were -0.5, 0)",
        ], errors);
    }
}
