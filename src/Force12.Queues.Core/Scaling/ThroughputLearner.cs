namespace Force12.Queues.Core.Scaling;

/// <summary>
/// Learns per-pod throughput (mu) from the processing rate of saturated pods. Pure: the previous
/// estimate goes in, the next one comes out.
/// </summary>
public static class ThroughputLearner
{
    /// <summary>
    /// Folds one observation into <paramref name="previous"/>. Only healthy metrics of a stable group (not
    /// stalled, not rebalancing, at least one ready pod processing) are used. Pods count as saturated when
    /// the backlog holds at least <see cref="SlaPolicyOptions.SaturationBacklogSeconds"/> of work at the
    /// observed processing rate; their per-pod rate is smoothed into the estimate. Unsaturated pods only
    /// show what a pod can do at least, so they can raise the estimate but never lower it.
    /// </summary>
    public static ThroughputEstimate Observe(ThroughputEstimate previous, PolicyInput input, SlaPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var consumers = Math.Min(input.ReadyPods, input.UsefulParallelism);
        var healthy = input.MetricsAvailable && input.GroupStable && !input.Stalled && consumers > 0;
        if (!healthy || !(input.ProcessingRatePerSecond > 0) || double.IsInfinity(input.ProcessingRatePerSecond))
        {
            return previous;
        }

        var sample = input.ProcessingRatePerSecond / consumers;
        var queuedSeconds = input.BacklogMessages / input.ProcessingRatePerSecond;
        if (queuedSeconds < options.SaturationBacklogSeconds)
        {
            return previous.PerPodMessagesPerSecond is { } lower && sample > lower
                ? new ThroughputEstimate { PerPodMessagesPerSecond = sample, Samples = previous.Samples + 1 }
                : previous;
        }

        var next = previous.PerPodMessagesPerSecond is { } known
            ? known + (options.ThroughputSmoothing * (sample - known))
            : sample;
        return new ThroughputEstimate { PerPodMessagesPerSecond = next, Samples = previous.Samples + 1 };
    }
}
