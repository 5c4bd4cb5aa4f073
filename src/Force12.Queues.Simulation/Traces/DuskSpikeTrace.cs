namespace Force12.Queues.Simulation.Traces;

/// <summary>
/// Smart lightbulbs at dusk: every bulb sends a heartbeat each <see cref="HeartbeatSeconds"/>, and when
/// it switches on it sends <see cref="MessagesPerSwitchOn"/> messages (state change and power readings).
/// Switch-on times are normally distributed around <see cref="DuskAtSeconds"/> with standard deviation
/// <see cref="SpreadSeconds"/>: with the defaults 95% of 100,000 bulbs switch on within 3 minutes of dusk.
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

    /// <inheritdoc />
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(30);

    /// <inheritdoc />
    public double RateAt(double seconds)
    {
        var z = (seconds - DuskAtSeconds) / SpreadSeconds;
        var density = Math.Exp(-0.5 * z * z) / (SpreadSeconds * Math.Sqrt(2 * Math.PI));
        return (Bulbs / HeartbeatSeconds) + (Bulbs * MessagesPerSwitchOn * density);
    }
}
