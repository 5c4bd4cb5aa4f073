namespace Force12.Queues.Simulation.Tests;

/// <summary>Runs each built-in scenario once (seed 1, default settings) and shares the report between tests.</summary>
public sealed class ScenarioRuns
{
    public const ulong Seed = 1;

    public SimulationReport Dusk { get; } = SimulationRunner.Run(BuiltInScenarios.Dusk(), new SimulationOptions { Seed = Seed });

    public SimulationReport TwoPriority { get; } = SimulationRunner.Run(
        BuiltInScenarios.TwoPriority(),
        new SimulationOptions { Seed = Seed, PoolPodSlots = BuiltInScenarios.TwoPriorityPoolPods });
}
