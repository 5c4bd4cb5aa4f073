using System.Globalization;

namespace Force12.Queues.Lightbulbs.Load;

/// <summary>
/// A rate given by points (a step pattern, a CSV trace): held constant from one point to the next,
/// or interpolated linearly between them; before the first point the first rate applies, after the
/// last point the last. With a <see cref="Period"/> the points repeat every period.
/// </summary>
public sealed class PiecewiseRate : IRateFunction
{
    private readonly RatePoint[] _points;
    private readonly bool _linear;
    private readonly string _name;

    /// <summary>Creates the pattern; <paramref name="points"/> must be non-empty and in increasing time order.</summary>
    /// <param name="points">The points.</param>
    /// <param name="linear">Interpolate between points (true) or hold each rate until the next point (false).</param>
    /// <param name="duration">Length of the run, or null until stopped.</param>
    /// <param name="period">Repeat the points every period (must be after the last point), or null not to repeat.</param>
    /// <param name="name">Name used in <see cref="Describe"/>, for example <c>step</c> or <c>trace</c>.</param>
    public PiecewiseRate(IReadOnlyList<RatePoint> points, bool linear, TimeSpan? duration, TimeSpan? period = null, string name = "piecewise")
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new ArgumentException("At least one rate point is required.", nameof(points));
        }

        for (var i = 0; i < points.Count; i++)
        {
            RateGuard.NonNegative(points[i].PerSecond, $"{nameof(points)}[{i}].{nameof(RatePoint.PerSecond)}");
            if (points[i].At < TimeSpan.Zero || (i > 0 && points[i].At <= points[i - 1].At))
            {
                throw new ArgumentException($"Rate point {i} at {points[i].At} must be 0 or later and after the previous point.", nameof(points));
            }
        }

        RateGuard.PositiveOrNull(duration, nameof(duration));
        if (period is { } p && p <= points[^1].At)
        {
            throw new ArgumentOutOfRangeException(nameof(period), p, "period must be after the last rate point.");
        }

        _points = [.. points];
        _linear = linear;
        Duration = duration;
        Period = period;
        _name = name;
    }

    /// <inheritdoc />
    public TimeSpan? Duration { get; }

    /// <summary>The repeat period, or null.</summary>
    public TimeSpan? Period { get; }

    /// <inheritdoc />
    public double RateAt(TimeSpan elapsed)
    {
        var t = Period is { } p ? TimeSpan.FromTicks(elapsed.Ticks % p.Ticks) : elapsed;
        if (t < _points[0].At)
        {
            return _points[0].PerSecond;
        }

        var i = Array.FindLastIndex(_points, point => point.At <= t);
        if (!_linear || i == _points.Length - 1)
        {
            return _points[i].PerSecond;
        }

        var (from, to) = (_points[i], _points[i + 1]);
        var fraction = (t - from.At) / (to.At - from.At);
        return from.PerSecond + ((to.PerSecond - from.PerSecond) * fraction);
    }

    /// <inheritdoc />
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{_name} over {_points.Length} points{(Period is { } p ? $", every {p.TotalSeconds}s" : "")}{RateGuard.For(Duration)}");
}
