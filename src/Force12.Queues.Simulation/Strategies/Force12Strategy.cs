using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Simulation.Strategies;

/// <summary>
/// Force12's own policy, exactly as the agent runs it: each poll the observation becomes what a lag collector
/// and an orchestrator would report (<see cref="ObservedCollection"/>), and the agent's <see cref="DecisionStep"/>
/// decides from it and carries the state to the next poll, as <see cref="ControlLoop"/> does.
/// </summary>
public sealed class Force12Strategy(int pipelines, TimeSpan pollInterval) : IScalingStrategy
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly PipelineState[] _states = Enumerable.Repeat(PipelineState.Initial, pipelines).ToArray();
    private readonly long[] _ticks = new long[pipelines];
    private readonly ScalingDecision?[] _lastDecisions = new ScalingDecision?[pipelines];

    /// <inheritdoc />
    public string Name => "force12";

    /// <inheritdoc />
    public TimeSpan DecisionInterval { get; } = pollInterval;

    /// <summary>The last decision per pipeline (reason and sentence included), for inspection.</summary>
    public IReadOnlyList<ScalingDecision?> LastDecisions => _lastDecisions;

    /// <inheritdoc />
    public int InitialPods(int pipeline, SimulatedPipeline spec) => StrategyMath.SteadyStartPods(spec);

    /// <inheritdoc />
    public int NeededPods(int pipeline, SimulatedPipeline spec, PipelineObservation observation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(observation);
        var at = Epoch.AddSeconds(observation.Seconds);
        return Decide(pipeline, spec.Policy, ObservedCollection.Collection(spec, observation, at), ObservedCollection.Pods(spec, observation, at), at).NeededPods;
    }

    /// <summary>
    /// Runs the agent's <see cref="DecisionStep"/> for one pipeline on what a collector and an orchestrator report
    /// (one consumer per pod, as the simulated pods run), carries its state to the next call and returns the
    /// decision. <see cref="NeededPods"/> calls this; tests call it to feed the agent's own inputs.
    /// </summary>
    public ScalingDecision Decide(int pipeline, SlaPolicyOptions policy, LagCollectionResult collection, IReadOnlyList<PodInfo> pods, DateTimeOffset at)
    {
        var step = DecisionStep.Run(policy, consumersPerPod: 1, collection, pods, _states[pipeline], ++_ticks[pipeline], at);
        _states[pipeline] = step.State;
        _lastDecisions[pipeline] = step.Decision;
        return step.Decision;
    }
}
