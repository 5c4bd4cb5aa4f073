namespace Force12.Queues.Lightbulbs.Load;

/// <summary>One point of a <see cref="PiecewiseRate"/>: from <paramref name="At"/> the rate is <paramref name="PerSecond"/> events per second.</summary>
/// <param name="At">Time since the start of the run (or of the cycle, when the pattern repeats).</param>
/// <param name="PerSecond">Events per second, 0 or more.</param>
public readonly record struct RatePoint(TimeSpan At, double PerSecond);
