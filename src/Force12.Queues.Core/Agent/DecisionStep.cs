using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Agent;

/// <summary>
/// One pipeline's decision for one tick, as a pure function: count the pods, carry the collection outcome and
/// the ready-pod count into the state, map the snapshot to a <see cref="PolicyInput"/> (hot units included),
/// decide with <see cref="SlaScalingPolicy"/>, then learn throughput with <see cref="ThroughputLearner"/>.
/// <see cref="ControlLoop"/> and the simulator's Force12 strategy both call exactly this, so the simulator
/// measures the agent's own decisions. No clock, no I/O, no logging: the caller owns the state between ticks.
/// </summary>
/// <remarks>
/// Decide, then learn: the decision uses the throughput learned up to the previous tick, and this tick's
/// observation is folded in for the next one. This is the order the agent has always run; the simulator used
/// to learn first.
/// </remarks>
public static class DecisionStep
{
    /// <summary>Runs the step for one pipeline.</summary>
    /// <param name="policy">The pipeline's policy options (valid, see <see cref="SlaPolicyOptionsValidator"/>).</param>
    /// <param name="consumersPerPod">Consumers one pod runs (useful parallelism is units / this).</param>
    /// <param name="collection">This tick's collection: a snapshot or an error.</param>
    /// <param name="pods">The pipeline's pods as the orchestrator listed them this tick.</param>
    /// <param name="state">The state the previous tick returned (<see cref="PipelineState.Initial"/> on the first).</param>
    /// <param name="tick">This tick's number (1 for the first), recorded as the last successful collection.</param>
    /// <param name="at">When the tick observed the pipeline.</param>
    /// <param name="forecast">The pipeline's arrival-rate forecast for now + lead, or <c>null</c> (default) for none.</param>
    public static DecisionStepResult Run(SlaPolicyOptions policy, int consumersPerPod, LagCollectionResult collection,
        IReadOnlyList<PodInfo> pods, PipelineState state, long tick, DateTimeOffset at, PolicyForecast? forecast = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(state);
        var counts = PodCounts.Of(pods);
        var observed = (collection.Succeeded
                ? state with { ConsecutiveFailedPolls = 0, LastSuccessfulCollectTick = tick }
                : state with { ConsecutiveFailedPolls = state.ConsecutiveFailedPolls + 1 })
            .ObserveReadyPods(counts.Ready, at);
        var input = PolicyInputMapper.Map(collection, counts, consumersPerPod, observed, at, policy) with { Forecast = forecast };
        var decision = SlaScalingPolicy.Decide(policy, input);
        return new DecisionStepResult
        {
            Input = input,
            Decision = decision,
            Pods = counts,
            State = observed with
            {
                History = decision.History,
                Throughput = ThroughputLearner.Observe(observed.Throughput, input, policy),
            },
        };
    }
}
