namespace Force12.Queues.Core.Scaling;

/// <summary>
/// Learns per-pod throughput (mu) from the processing rate of saturated pods. Pure: the previous
/// estimate goes in, the next one comes out.
/// </summary>
public static class ThroughputLearner
{
    /// <summary>
    /// Folds one observation into <paramref name="previous"/>. Pods count as saturated when the metrics are
    /// healthy, the group is not stalled, at least one pod is ready and processing, and the backlog holds at
    /// least <see cref="SlaPolicyOptions.SaturationBacklogSeconds"/> of work at the observed processing rate.
    /// Unsaturated pods say nothing about capacity, so the estimate is returned unchanged for them.
    /// </summary>
    public static ThroughputEstimate Observe(ThroughputEstimate previous, PolicyInput input, SlaPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var consumers = Math.Min(input.ReadyPods, input.UsefulParallelism);
        var healthy = input.MetricsAvailable && !input.Stalled && consumers > 0;
        if (!healthy || !(input.ProcessingRatePerSecond > 0) || double.IsInfinity(input.ProcessingRatePerSecond))
        {
            return previous;
        }

        var queuedSeconds = input.BacklogMessages / input.ProcessingRatePerSecond;
        if (queuedSeconds < options.SaturationBacklogSeconds)
        {
            return previous;
        }

        var sample = input.ProcessingRatePerSecond / consumers;
        var next = previous.PerPodMessagesPerSecond is { } known
            ? known + (options.ThroughputSmoothing * (sample - known))
            : sample;
        return new ThroughputEstimate { PerPodMessagesPerSecond = next, Samples = previous.Samples + 1 };
    }
}
