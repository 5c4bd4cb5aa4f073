using System.Globalization;

namespace Force12.Queues.Simulation.Traces;

/// <summary>
/// A base rate with square bursts: every <see cref="PeriodSeconds"/> the rate jumps to
/// <see cref="BurstRate"/> for <see cref="BurstSeconds"/>, starting at <see cref="FirstBurstAtSeconds"/>.
/// </summary>
public sealed record StepBurstTrace : IDemandTrace
{
    /// <inheritdoc />
    public string Name => "steps";

    /// <summary>Messages per second between bursts. Default 1,000.</summary>
    public double BaseRate { get; init; } = 1_000;

    /// <summary>Messages per second during a burst. Default 5,000.</summary>
    public double BurstRate { get; init; } = 5_000;

    /// <summary>Length of a burst, seconds. Default 120.</summary>
    public double BurstSeconds { get; init; } = 120;

    /// <summary>Seconds from one burst start to the next. Default 600.</summary>
    public double PeriodSeconds { get; init; } = 600;

    /// <summary>Start of the first burst, seconds. Default 300.</summary>
    public double FirstBurstAtSeconds { get; init; } = 300;

    /// <inheritdoc />
    public TimeSpan? Duration { get; init; } = TimeSpan.FromMinutes(30);

    /// <inheritdoc />
    public double RateAt(double seconds)
    {
        if (seconds < FirstBurstAtSeconds)
        {
            return BaseRate;
        }

        var intoPeriod = (seconds - FirstBurstAtSeconds) % PeriodSeconds;
        return intoPeriod < BurstSeconds ? BurstRate : BaseRate;
    }

    /// <inheritdoc />
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"steps {BaseRate}/s to {BurstRate}/s at {FirstBurstAtSeconds}s{(double.IsFinite(PeriodSeconds) ? $" for {BurstSeconds}s every {PeriodSeconds}s" : "")}{RateGuard.For(Duration)}");
}
