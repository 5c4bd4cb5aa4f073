using System.Globalization;

namespace Force12.Queues.Simulation.Traces;

/// <summary>
/// A random walk: every <see cref="StepEvery"/> the rate moves by a uniform random fraction of at most
/// <see cref="MaxStepFraction"/> of itself, kept within [<see cref="Min"/>, <see cref="Max"/>]. The walk is
/// drawn up front from the given random source, so the pattern is pure and repeatable for a seed.
/// </summary>
public sealed class RandomWalkRate : IDemandTrace
{
    private readonly List<double> _levels = [];
    private readonly Func<double> _nextUniform;

    /// <summary>Creates the walk starting at <paramref name="start"/>.</summary>
    /// <param name="start">First rate, within [min, max].</param>
    /// <param name="min">Lowest rate, events per second.</param>
    /// <param name="max">Highest rate, events per second.</param>
    /// <param name="stepEvery">Time between moves.</param>
    /// <param name="maxStepFraction">Largest move as a fraction of the current rate (0 to 1).</param>
    /// <param name="nextUniform">Random numbers in [0, 1), for example <c>new Random(seed).NextDouble</c>.</param>
    /// <param name="duration">Length of the run, or null until stopped.</param>
    public RandomWalkRate(double start, double min, double max, TimeSpan stepEvery, double maxStepFraction, Func<double> nextUniform, TimeSpan? duration)
    {
        RateGuard.NonNegative(min, nameof(min));
        if (max < min || start < min || start > max || !double.IsFinite(max))
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Need min <= start <= max (min {min}, max {max}).");
        }

        RateGuard.Positive(stepEvery, nameof(stepEvery));
        if (maxStepFraction is < 0 or > 1 or double.NaN)
        {
            throw new ArgumentOutOfRangeException(nameof(maxStepFraction), maxStepFraction, "maxStepFraction must be between 0 and 1.");
        }

        RateGuard.PositiveOrNull(duration, nameof(duration));
        _nextUniform = nextUniform ?? throw new ArgumentNullException(nameof(nextUniform));
        (Min, Max, StepEvery, MaxStepFraction, Duration) = (min, max, stepEvery, maxStepFraction, duration);
        _levels.Add(start);
    }

    /// <summary>Lowest rate.</summary>
    public double Min { get; }

    /// <summary>Highest rate.</summary>
    public double Max { get; }

    /// <summary>Time between moves.</summary>
    public TimeSpan StepEvery { get; }

    /// <summary>Largest move as a fraction of the current rate.</summary>
    public double MaxStepFraction { get; }

    /// <inheritdoc />
    public string Name => "random-walk";

    /// <inheritdoc />
    public TimeSpan? Duration { get; }

    /// <inheritdoc />
    public double RateAt(double seconds)
    {
        // Whole ticks, as the load generator's elapsed time has them, so a move falls exactly on StepEvery.
        var ticks = (long)Math.Round(Math.Clamp(seconds, 0, TimeSpan.MaxValue.TotalSeconds / 2) * TimeSpan.TicksPerSecond);
        var step = (int)Math.Min(int.MaxValue - 1, ticks / StepEvery.Ticks);
        lock (_levels)
        {
            while (_levels.Count <= step)
            {
                var current = _levels[^1];
                var move = current * MaxStepFraction * ((2 * _nextUniform()) - 1);
                _levels.Add(Math.Clamp(current + move, Min, Max));
            }

            return _levels[step];
        }
    }

    /// <inheritdoc />
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"random walk from {_levels[0]}/s within {Min}..{Max}/s, +-{MaxStepFraction:P0} every {StepEvery.TotalSeconds}s{RateGuard.For(Duration)}");
}
