namespace Force12.Queues.Simulation.Strategies;

/// <summary>
/// A way of choosing pods that the simulator compares: Force12's SLA policy or a baseline. One instance
/// serves one run and may keep per-pipeline state (indexed like the run's pipelines).
/// </summary>
public interface IScalingStrategy
{
    /// <summary>Name shown in reports, for example <c>force12</c> or <c>keda-default</c>.</summary>
    string Name { get; }

    /// <summary>How often the strategy observes and decides.</summary>
    TimeSpan DecisionInterval { get; }

    /// <summary>Pods each pipeline runs, ready, when the run starts.</summary>
    int InitialPods(int pipeline, SimulatedPipeline spec);

    /// <summary>Pods the strategy needs for <paramref name="pipeline"/> given what it observes now (before the shared pool is divided).</summary>
    int NeededPods(int pipeline, SimulatedPipeline spec, PipelineObservation observation);
}
