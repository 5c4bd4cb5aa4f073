using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Simulation.Strategies;

/// <summary>
/// Force12's own policy, exactly as the agent runs it: <see cref="ThroughputLearner"/> then
/// <see cref="SlaScalingPolicy"/> on each poll, with hot partitions found the way the control loop does
/// (backlog / SLA + arrivals above one pod's throughput).
/// </summary>
public sealed class Force12Strategy(int pipelines, TimeSpan pollInterval) : IScalingStrategy
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ThroughputEstimate[] _throughput = Enumerable.Repeat(ThroughputEstimate.Unknown, pipelines).ToArray();
    private readonly StabilisationHistory[] _history = Enumerable.Repeat(StabilisationHistory.Empty, pipelines).ToArray();

    /// <inheritdoc />
    public string Name => "force12";

    /// <inheritdoc />
    public TimeSpan DecisionInterval { get; } = pollInterval;

    private readonly ScalingDecision?[] _lastDecisions = new ScalingDecision?[pipelines];

    /// <summary>The last decision per pipeline (reason and sentence included), for inspection.</summary>
    public IReadOnlyList<ScalingDecision?> LastDecisions => _lastDecisions;

    /// <inheritdoc />
    public int InitialPods(int pipeline, SimulatedPipeline spec) => StrategyMath.SteadyStartPods(spec);

    /// <inheritdoc />
    public int RequiredPods(int pipeline, SimulatedPipeline spec, PipelineObservation observation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(observation);
        var sla = spec.Policy.Sla.TotalSeconds;
        var mu = _throughput[pipeline].Or(spec.Policy.PerPodThroughputPrior);
        var load = PartitionLoad.From(AsSpan(observation.PartitionBacklogs), AsSpan(observation.PartitionArrivalRates), sla, mu);
        var input = new PolicyInput
        {
            At = Epoch.AddSeconds(observation.Seconds),
            BacklogMessages = (long)Math.Round(observation.BacklogMessages),
            OldestUnprocessedAgeSeconds = observation.OldestAgeSeconds,
            ArrivalRatePerSecond = observation.ArrivalRatePerSecond,
            ProcessingRatePerSecond = observation.ProcessingRatePerSecond,
            UsefulParallelism = spec.Partitions,
            CurrentPods = observation.CurrentPods,
            ReadyPods = observation.ReadyPods,
            GroupStable = observation.GroupStable,
            HotUnits = load.HotUnits,
            HotBacklogMessages = (long)Math.Round(load.HotBacklogMessages),
            HotArrivalRatePerSecond = load.HotArrivalRatePerSecond,
            History = _history[pipeline],
        };
        _throughput[pipeline] = ThroughputLearner.Observe(_throughput[pipeline], input, spec.Policy);
        var decision = SlaScalingPolicy.Decide(spec.Policy, input with { Throughput = _throughput[pipeline] });
        _history[pipeline] = decision.History;
        _lastDecisions[pipeline] = decision;
        return decision.RequiredPods;
    }

    private static ReadOnlySpan<double> AsSpan(IReadOnlyList<double> values) => values is double[] array ? array : values.ToArray();
}
