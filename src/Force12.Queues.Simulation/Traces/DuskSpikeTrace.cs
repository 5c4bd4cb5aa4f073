using System.Globalization;

namespace Force12.Queues.Simulation.Traces;

/// <summary>
/// Smart lightbulbs at dusk: every bulb sends a heartbeat each <see cref="HeartbeatSeconds"/>, and when
/// it switches on it sends <see cref="MessagesPerSwitchOn"/> messages (state change and power readings).
/// Switch-on times are normally distributed around <see cref="DuskAtSeconds"/> with standard deviation
/// <see cref="SpreadSeconds"/>: with the defaults 95% of 100,000 bulbs switch on within 3 minutes of dusk.
/// The one dusk shape of the simulator and the load generator (<see cref="Burst"/>).
/// </summary>
public sealed record DuskSpikeTrace : IDemandTrace
{
    /// <inheritdoc />
    public string Name => "dusk";

    /// <summary>Bulbs in the fleet. Default 100,000.</summary>
    public int Bulbs { get; init; } = 100_000;

    /// <summary>Seconds between two heartbeats of one bulb. Default 60.</summary>
    public double HeartbeatSeconds { get; init; } = 60;

    /// <summary>Messages one bulb sends when it switches on. Default 10.</summary>
    public double MessagesPerSwitchOn { get; init; } = 10;

    /// <summary>Seconds from the start of the run to dusk. Default 600.</summary>
    public double DuskAtSeconds { get; init; } = 600;

    /// <summary>Standard deviation of switch-on times, seconds. Default 90.</summary>
    public double SpreadSeconds { get; init; } = 90;

    /// <summary>Messages per second besides the switch-ons, or null for the heartbeats (<see cref="Bulbs"/> / <see cref="HeartbeatSeconds"/>). Default null.</summary>
    public double? BaselineRate { get; init; }

    /// <inheritdoc />
    public TimeSpan? Duration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The load generator's dusk: <paramref name="baseline"/> messages per second, and one message from each of
    /// <paramref name="bulbs"/> bulbs switching on in the window of <paramref name="length"/> from <paramref name="at"/>:
    /// normally distributed around its middle with a standard deviation of an eighth of it, so 99.99% of them fall inside.
    /// </summary>
    public static DuskSpikeTrace Burst(double baseline, int bulbs, TimeSpan at, TimeSpan length, TimeSpan? duration)
    {
        RateGuard.NonNegative(baseline, nameof(baseline));
        ArgumentOutOfRangeException.ThrowIfNegative(bulbs);
        ArgumentOutOfRangeException.ThrowIfLessThan(at, TimeSpan.Zero);
        RateGuard.Positive(length, nameof(length));
        RateGuard.PositiveOrNull(duration, nameof(duration));
        return new DuskSpikeTrace
        {
            Bulbs = bulbs,
            MessagesPerSwitchOn = 1,
            BaselineRate = baseline,
            DuskAtSeconds = (at + (length / 2)).TotalSeconds,
            SpreadSeconds = length.TotalSeconds / 8,
            Duration = duration,
        };
    }

    /// <inheritdoc />
    public double RateAt(double seconds)
    {
        var z = (seconds - DuskAtSeconds) / SpreadSeconds;
        var density = Math.Exp(-0.5 * z * z) / (SpreadSeconds * Math.Sqrt(2 * Math.PI));
        return (BaselineRate ?? (Bulbs / HeartbeatSeconds)) + (Bulbs * MessagesPerSwitchOn * density);
    }

    /// <inheritdoc />
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"dusk: {Bulbs} bulbs x {MessagesPerSwitchOn} msgs around {DuskAtSeconds}s (sd {SpreadSeconds}s) on {BaselineRate ?? (Bulbs / HeartbeatSeconds):0.#}/s{RateGuard.For(Duration)}");
}
