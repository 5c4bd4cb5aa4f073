using System.Globalization;

namespace Force12.Queues.Simulation.Traces;

/// <summary>The same rate throughout.</summary>
public sealed class ConstantRate : IDemandTrace
{
    private readonly double _perSecond;

    /// <summary>A constant <paramref name="perSecond"/> (events per second, 0 or more) for <paramref name="duration"/> (null: until stopped).</summary>
    public ConstantRate(double perSecond, TimeSpan? duration)
    {
        RateGuard.NonNegative(perSecond, nameof(perSecond));
        RateGuard.PositiveOrNull(duration, nameof(duration));
        _perSecond = perSecond;
        Duration = duration;
    }

    /// <inheritdoc />
    public string Name => "constant";

    /// <inheritdoc />
    public TimeSpan? Duration { get; }

    /// <inheritdoc />
    public double RateAt(double seconds) => _perSecond;

    /// <inheritdoc />
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"constant {_perSecond}/s{RateGuard.For(Duration)}");
}
