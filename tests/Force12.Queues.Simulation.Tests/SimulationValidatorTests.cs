using Force12.Queues.Core.Scaling;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Simulation.Tests;

public sealed class SimulationValidatorTests
{
    [Fact]
    public void Validate_BuiltInScenario_IsValid()
    {
        Assert.Empty(SimulationValidator.Validate(BuiltInScenarios.TwoPriority(), new SimulationOptions { PoolPodSlots = 110 }));
    }

    [Fact]
    public void Run_BadOptionsAndPipeline_ThrowsListingEveryProblem()
    {
        var pipeline = new SimulatedPipeline { Name = "x", Trace = new DuskSpikeTrace(), Partitions = 0, PodThroughput = 0, Policy = new SlaPolicyOptions { MinPods = -1 } };
        var options = new SimulationOptions { TickSeconds = 0, PollInterval = TimeSpan.Zero, RebalancePause = TimeSpan.FromSeconds(-1), PoolPodSlots = -3 };

        var ex = Assert.Throws<ArgumentException>(() => SimulationRunner.Run([pipeline], options));

        Assert.StartsWith(string.Join(Environment.NewLine,
        [
            "SimulationOptions.TickSeconds must be in (0, 1] seconds (was 0).",
            "SimulationOptions.PollInterval must be positive (was 00:00:00).",
            "SimulationOptions.RebalancePause must be >= 0 (was -00:00:01).",
            "SimulationOptions.PoolPodSlots must be >= 0 or unset (was -3).",
            "pipeline 'x'.Partitions must be >= 1 (was 0).",
            "pipeline 'x'.PodThroughput must be a positive number of messages per second (was 0).",
            "pipeline 'x'.Policy.minPods: must be >= 0 (was -1)",
        ]), ex.Message, StringComparison.Ordinal);
    }
}
