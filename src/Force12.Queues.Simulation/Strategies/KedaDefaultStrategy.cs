namespace Force12.Queues.Simulation.Strategies;

/// <summary>
/// What KEDA's Kafka scaler with default settings does through the HPA: every HPA sync (15 s) the desired
/// replicas are ceil(total lag / lagThreshold 10), capped at the partition count (allowIdleConsumers false)
/// and the maximum; no change within the 10% tolerance; scale-up at most max(2x, +4) per sync; scale-down
/// to the highest recommendation of the last 300 s. From zero, activation is checked every 30 s polling
/// interval; to zero only after the 300 s cooldown with no lag (only when the pipeline's minimum is 0).
/// </summary>
public sealed class KedaDefaultStrategy(int pipelines) : IScalingStrategy
{
    private readonly List<(double Seconds, int Pods)>[] _recommendations = Enumerable.Range(0, pipelines).Select(_ => new List<(double, int)>()).ToArray();
    private readonly double[] _lastActive = new double[pipelines];

    /// <inheritdoc />
    public string Name => "keda-default";

    /// <inheritdoc />
    public TimeSpan DecisionInterval => KedaDefaults.HpaSyncPeriod;

    /// <inheritdoc />
    public int InitialPods(int pipeline, SimulatedPipeline spec)
    {
        // The run starts in steady state, as if the HPA had recommended the starting pods just now.
        var pods = StrategyMath.SteadyStartPods(spec);
        _recommendations[pipeline].Add((0, pods));
        return pods;
    }

    /// <inheritdoc />
    public int NeededPods(int pipeline, SimulatedPipeline spec, PipelineObservation observation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(observation);
        var now = observation.Seconds;
        var lag = observation.BacklogMessages;
        var current = observation.CurrentPods;
        if (lag > KedaDefaults.ActivationLagThreshold)
        {
            _lastActive[pipeline] = now;
        }

        if (current == 0)
        {
            var pollDue = now % KedaDefaults.PollingInterval.TotalSeconds < KedaDefaults.HpaSyncPeriod.TotalSeconds;
            return pollDue && lag > KedaDefaults.ActivationLagThreshold ? Math.Max(1, spec.Policy.MinPods) : spec.Policy.MinPods;
        }

        var desired = (int)Math.Min(spec.Partitions, Math.Ceiling(lag / KedaDefaults.LagThreshold));
        var ratio = lag / current / KedaDefaults.LagThreshold;
        if (Math.Abs(ratio - 1) <= KedaDefaults.HpaTolerance)
        {
            desired = current;
        }

        desired = Math.Min(desired, Math.Max(current * 2, current + KedaDefaults.ScaleUpPods));
        desired = Math.Clamp(desired, Math.Max(1, spec.Policy.MinPods), spec.Policy.MaxPods);
        var window = _recommendations[pipeline];
        window.RemoveAll(r => now - r.Seconds >= KedaDefaults.ScaleDownStabilisation.TotalSeconds);
        window.Add((now, desired));
        if (desired < current)
        {
            desired = Math.Min(current, window.Max(r => r.Pods));
        }

        var idleLongEnough = now - _lastActive[pipeline] >= KedaDefaults.CooldownPeriod.TotalSeconds;
        return spec.Policy.MinPods == 0 && idleLongEnough ? 0 : desired;
    }
}
