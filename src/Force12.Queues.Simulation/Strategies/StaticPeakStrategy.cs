using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Simulation.Strategies;

/// <summary>
/// Static provisioning for the peak: from the start, the pods that keep up with the trace's highest rate
/// (sampled each second) with every pod's share of partitions, <see cref="BalancedPods.For"/>, capped at
/// partitions and the maximum. Never changes.
/// </summary>
public sealed class StaticPeakStrategy : IScalingStrategy
{
    // The peak is sampled once per pipeline: a week-long trace has 604,800 seconds to look at.
    private readonly Dictionary<int, int> _pods = [];

    /// <inheritdoc />
    public string Name => "static-peak";

    /// <inheritdoc />
    public TimeSpan DecisionInterval => TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public int InitialPods(int pipeline, SimulatedPipeline spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (_pods.TryGetValue(pipeline, out var known))
        {
            return known;
        }

        var seconds = (int)(spec.Trace.Duration ?? TimeSpan.Zero).TotalSeconds;
        var peak = Enumerable.Range(0, seconds + 1).Max(s => spec.Trace.RateAt(s));
        var pods = BalancedPods.For(peak, spec.Partitions, spec.PodThroughput);
        return _pods[pipeline] = Math.Clamp(Math.Min(pods, spec.Partitions), spec.Policy.MinPods, spec.Policy.MaxPods);
    }

    /// <inheritdoc />
    public int NeededPods(int pipeline, SimulatedPipeline spec, PipelineObservation observation) => InitialPods(pipeline, spec);
}
