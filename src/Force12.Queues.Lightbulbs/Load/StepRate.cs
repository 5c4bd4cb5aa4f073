namespace Force12.Queues.Lightbulbs.Load;

/// <summary>Step patterns built on <see cref="PiecewiseRate"/>.</summary>
public static class StepRate
{
    /// <summary>
    /// <paramref name="low"/> events per second until <paramref name="stepAt"/>, then <paramref name="high"/>.
    /// With <paramref name="highFor"/> the high rate lasts that long and the cycle (low for
    /// <paramref name="stepAt"/>, high for <paramref name="highFor"/>) repeats: the steps of the reaction benchmark.
    /// </summary>
    public static PiecewiseRate Create(double low, double high, TimeSpan stepAt, TimeSpan? highFor, TimeSpan? duration)
    {
        RateGuard.Positive(stepAt, nameof(stepAt));
        RateGuard.PositiveOrNull(highFor, nameof(highFor));
        RatePoint[] points = [new(TimeSpan.Zero, low), new(stepAt, high)];
        return new PiecewiseRate(points, linear: false, duration, highFor is { } h ? stepAt + h : null, "step");
    }
}
