using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Lightbulbs.Load;

/// <summary>The load generator's step patterns, as the simulator's <see cref="StepBurstTrace"/>.</summary>
public static class StepRate
{
    /// <summary>
    /// <paramref name="low"/> events per second until <paramref name="stepAt"/>, then <paramref name="high"/>.
    /// With <paramref name="highFor"/> the high rate lasts that long and the cycle (low for
    /// <paramref name="stepAt"/>, high for <paramref name="highFor"/>) repeats: the steps of the reaction benchmark.
    /// </summary>
    public static StepBurstTrace Create(double low, double high, TimeSpan stepAt, TimeSpan? highFor, TimeSpan? duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(stepAt, TimeSpan.Zero);
        if (highFor is { } h)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(h, TimeSpan.Zero, nameof(highFor));
        }

        if (duration is { } d)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(d, TimeSpan.Zero, nameof(duration));
        }

        return new StepBurstTrace
        {
            BaseRate = NonNegative(low, nameof(low)),
            BurstRate = NonNegative(high, nameof(high)),
            FirstBurstAtSeconds = stepAt.TotalSeconds,
            BurstSeconds = highFor?.TotalSeconds ?? double.PositiveInfinity,
            PeriodSeconds = highFor is { } hold ? (stepAt + hold).TotalSeconds : double.PositiveInfinity,
            Duration = duration,
        };
    }

    private static double NonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number of events per second, 0 or more.");
}
