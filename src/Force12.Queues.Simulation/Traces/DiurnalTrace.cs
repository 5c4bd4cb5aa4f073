using System.Globalization;

namespace Force12.Queues.Simulation.Traces;

/// <summary>
/// One day of demand compressed into <see cref="Period"/> (by default the whole <see cref="Duration"/>): a cosine
/// from <see cref="NightRate"/> at the start and end of each day to <see cref="PeakRate"/> at its middle (midday).
/// </summary>
public sealed record DiurnalTrace : IDemandTrace
{
    /// <inheritdoc />
    public string Name => "diurnal";

    /// <summary>Messages per second at night. Default 500.</summary>
    public double NightRate { get; init; } = 500;

    /// <summary>Messages per second at midday. Default 5,000.</summary>
    public double PeakRate { get; init; } = 5_000;

    /// <summary>Length of the run. Default 1 hour.</summary>
    public TimeSpan? Duration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Length of one compressed day, or null for the whole <see cref="Duration"/>. Default null.</summary>
    public TimeSpan? Period { get; init; }

    /// <inheritdoc />
    public double RateAt(double seconds)
    {
        var day = Period ?? Duration ?? throw new InvalidOperationException("A diurnal trace needs a Period or a Duration.");
        var phase = 2 * Math.PI * seconds / day.TotalSeconds;
        return NightRate + ((PeakRate - NightRate) * (1 - Math.Cos(phase)) / 2);
    }

    /// <inheritdoc />
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"diurnal {NightRate}/s to {PeakRate}/s every {(Period ?? Duration)?.TotalSeconds}s{RateGuard.For(Duration)}");
}
