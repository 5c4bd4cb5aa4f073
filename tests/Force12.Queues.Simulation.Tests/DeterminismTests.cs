namespace Force12.Queues.Simulation.Tests;

public sealed class DeterminismTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMinutes(5);

    [Fact]
    public void Run_SameSeed_GivesIdenticalResultsAndSeries()
    {
        var first = SimulationRunner.Run(BuiltInScenarios.Dusk(), new SimulationOptions { Seed = 7, Duration = Short });
        var second = SimulationRunner.Run(BuiltInScenarios.Dusk(), new SimulationOptions { Seed = 7, Duration = Short });

        Assert.Equal(first.Results.Select(r => (r.Policy, r.WithinSlaPercent, r.PodSeconds, r.ScaleActions)), second.Results.Select(r => (r.Policy, r.WithinSlaPercent, r.PodSeconds, r.ScaleActions)));
        Assert.Equal(first.Series, second.Series);
    }

    [Fact]
    public void Run_DifferentSeed_GivesDifferentArrivals()
    {
        var first = SimulationRunner.Run(BuiltInScenarios.Dusk(), new SimulationOptions { Seed = 1, Duration = Short });
        var second = SimulationRunner.Run(BuiltInScenarios.Dusk(), new SimulationOptions { Seed = 2, Duration = Short });

        Assert.NotEqual(first.Series.Select(s => s.ArrivalRate), second.Series.Select(s => s.ArrivalRate));
    }
}
