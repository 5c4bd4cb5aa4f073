using System.Globalization;

namespace Force12.Queues.Lightbulbs.Load;

/// <summary>
/// A day compressed into <see cref="Period"/>: a cosine from <see cref="Min"/> (at the start, night) up to
/// <see cref="Max"/> (half a period later) and back.
/// </summary>
public sealed class DiurnalRate : IRateFunction
{
    /// <summary>Creates the pattern.</summary>
    public DiurnalRate(double min, double max, TimeSpan period, TimeSpan? duration)
    {
        RateGuard.NonNegative(min, nameof(min));
        RateGuard.NonNegative(max, nameof(max));
        if (max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"max must be at least min ({min}).");
        }

        RateGuard.Positive(period, nameof(period));
        RateGuard.PositiveOrNull(duration, nameof(duration));
        Min = min;
        Max = max;
        Period = period;
        Duration = duration;
    }

    /// <summary>Lowest rate, events per second.</summary>
    public double Min { get; }

    /// <summary>Highest rate, events per second.</summary>
    public double Max { get; }

    /// <summary>Length of one day.</summary>
    public TimeSpan Period { get; }

    /// <inheritdoc />
    public TimeSpan? Duration { get; }

    /// <inheritdoc />
    public double RateAt(TimeSpan elapsed) =>
        Min + ((Max - Min) * (1 - Math.Cos(2 * Math.PI * (elapsed / Period))) / 2);

    /// <inheritdoc />
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture, $"diurnal {Min}/s to {Max}/s every {Period.TotalSeconds}s{RateGuard.For(Duration)}");
}
