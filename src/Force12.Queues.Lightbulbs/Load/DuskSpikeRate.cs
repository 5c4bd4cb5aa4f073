using System.Globalization;

namespace Force12.Queues.Lightbulbs.Load;

/// <summary>
/// Dusk: a <see cref="Baseline"/> rate, and at <see cref="SpikeAt"/> every one of <see cref="Bulbs"/> bulbs
/// reports once within <see cref="SpikeLength"/>, in a triangular burst peaking half-way (area = bulbs,
/// peak = 2 x bulbs / length).
/// </summary>
public sealed class DuskSpikeRate : IRateFunction
{
    /// <summary>Creates the pattern.</summary>
    public DuskSpikeRate(double baseline, int bulbs, TimeSpan spikeAt, TimeSpan spikeLength, TimeSpan? duration)
    {
        RateGuard.NonNegative(baseline, nameof(baseline));
        ArgumentOutOfRangeException.ThrowIfNegative(bulbs);
        ArgumentOutOfRangeException.ThrowIfLessThan(spikeAt, TimeSpan.Zero);
        RateGuard.Positive(spikeLength, nameof(spikeLength));
        RateGuard.PositiveOrNull(duration, nameof(duration));
        Baseline = baseline;
        Bulbs = bulbs;
        SpikeAt = spikeAt;
        SpikeLength = spikeLength;
        Duration = duration;
    }

    /// <summary>Events per second outside the spike.</summary>
    public double Baseline { get; }

    /// <summary>Bulbs that report during the spike (extra events).</summary>
    public int Bulbs { get; }

    /// <summary>When the spike starts.</summary>
    public TimeSpan SpikeAt { get; }

    /// <summary>How long the spike lasts.</summary>
    public TimeSpan SpikeLength { get; }

    /// <inheritdoc />
    public TimeSpan? Duration { get; }

    /// <inheritdoc />
    public double RateAt(TimeSpan elapsed)
    {
        var into = (elapsed - SpikeAt) / SpikeLength;
        if (into is < 0 or >= 1)
        {
            return Baseline;
        }

        var peak = 2.0 * Bulbs / SpikeLength.TotalSeconds;
        return Baseline + (peak * (1 - Math.Abs((2 * into) - 1)));
    }

    /// <inheritdoc />
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"dusk spike of {Bulbs} bulbs at {SpikeAt.TotalSeconds}s over {SpikeLength.TotalSeconds}s on {Baseline}/s{RateGuard.For(Duration)}");
}
