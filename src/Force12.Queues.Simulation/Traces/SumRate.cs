namespace Force12.Queues.Simulation.Traces;

/// <summary>Several demand patterns at once: the rate is their sum (for example random demand plus a dusk spike).</summary>
public sealed class SumRate : IDemandTrace
{
    private readonly IDemandTrace[] _parts;

    /// <summary>Adds up <paramref name="parts"/>; runs for <paramref name="duration"/>, or until stopped when null.</summary>
    public SumRate(TimeSpan? duration, params IDemandTrace[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfZero(parts.Length);
        RateGuard.PositiveOrNull(duration, nameof(duration));
        _parts = parts;
        Duration = duration;
    }

    /// <inheritdoc />
    public string Name => string.Join('+', _parts.Select(p => p.Name));

    /// <inheritdoc />
    public TimeSpan? Duration { get; }

    /// <inheritdoc />
    public double RateAt(double seconds) => _parts.Sum(p => p.RateAt(seconds));

    /// <inheritdoc />
    public string Describe() => string.Join(" + ", _parts.Select(p => p.Describe())) + (Duration is null ? "" : RateGuard.For(Duration));
}
