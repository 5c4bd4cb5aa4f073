namespace Force12.Queues.Lightbulbs.Load;

/// <summary>Several demand patterns at once: the rate is their sum (for example random demand plus a dusk spike).</summary>
public sealed class SumRate : IRateFunction
{
    private readonly IRateFunction[] _parts;

    /// <summary>Adds up <paramref name="parts"/>; runs for <paramref name="duration"/>, or until stopped when null.</summary>
    public SumRate(TimeSpan? duration, params IRateFunction[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfZero(parts.Length);
        RateGuard.PositiveOrNull(duration, nameof(duration));
        _parts = parts;
        Duration = duration;
    }

    /// <inheritdoc />
    public TimeSpan? Duration { get; }

    /// <inheritdoc />
    public double RateAt(TimeSpan elapsed) => _parts.Sum(p => p.RateAt(elapsed));

    /// <inheritdoc />
    public string Describe() => string.Join(" + ", _parts.Select(p => p.Describe())) + (Duration is null ? "" : RateGuard.For(Duration));
}
