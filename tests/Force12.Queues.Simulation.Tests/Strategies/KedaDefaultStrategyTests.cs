using Force12.Queues.Core.Scaling;
using Force12.Queues.Simulation.Strategies;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Simulation.Tests.Strategies;

public sealed class KedaDefaultStrategyTests
{
    private static readonly SimulatedPipeline Pipeline = new()
    {
        Name = "p",
        Trace = new StepBurstTrace { BaseRate = 0 },
        Partitions = 50,
        Policy = new SlaPolicyOptions { MinPods = 1, MaxPods = 100 },
    };

    private static PipelineObservation Observe(double seconds, double lag, int pods) => new()
    {
        Seconds = seconds,
        BacklogMessages = lag,
        OldestAgeSeconds = 0,
        ArrivalRatePerSecond = 0,
        ProcessingRatePerSecond = 0,
        CurrentPods = pods,
        ReadyPods = pods,
        PartitionBacklogs = [],
        PartitionArrivalRates = [],
    };

    [Theory]
    // lag, current pods, expected: ceil(lag / 10), within tolerance, scale-up limit max(2x, +4), partition cap
    [InlineData(80, 4, 8)]
    [InlineData(42, 4, 4)]     // ratio 1.05: inside the 10% tolerance
    [InlineData(1_000, 4, 8)]  // wants 100: at most +4 or x2 per sync
    [InlineData(1_000, 30, 50)] // wants 100: capped at 50 partitions
    public void NeededPods_Lag_FollowsHpaRules(double lag, int current, int expected)
    {
        var keda = new KedaDefaultStrategy(1);

        Assert.Equal(expected, keda.NeededPods(0, Pipeline, Observe(15, lag, current)));
    }

    [Fact]
    public void NeededPods_LowerLag_WaitsFor300SecondWindow()
    {
        var keda = new KedaDefaultStrategy(1);
        keda.NeededPods(0, Pipeline, Observe(0, 200, 20));

        Assert.Equal(20, keda.NeededPods(0, Pipeline, Observe(285, 10, 20)));
        Assert.Equal(1, keda.NeededPods(0, Pipeline, Observe(300, 10, 20)));
    }
}
