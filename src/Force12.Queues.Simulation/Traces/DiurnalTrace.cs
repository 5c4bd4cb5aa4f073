namespace Force12.Queues.Simulation.Traces;

/// <summary>
/// One day of demand compressed into <see cref="Duration"/>: a cosine from <see cref="NightRate"/> at the
/// start and end to <see cref="PeakRate"/> at the middle (midday).
/// </summary>
public sealed record DiurnalTrace : IDemandTrace
{
    /// <inheritdoc />
    public string Name => "diurnal";

    /// <summary>Messages per second at night. Default 500.</summary>
    public double NightRate { get; init; } = 500;

    /// <summary>Messages per second at midday. Default 5,000.</summary>
    public double PeakRate { get; init; } = 5_000;

    /// <summary>Length of the compressed day. Default 1 hour.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public double RateAt(double seconds)
    {
        var phase = 2 * Math.PI * seconds / Duration.TotalSeconds;
        return NightRate + ((PeakRate - NightRate) * (1 - Math.Cos(phase)) / 2);
    }
}
