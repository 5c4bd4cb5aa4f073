using System.Globalization;

namespace Force12.Queues.Benchmarks.Reaction;

/// <summary>Reaction times of one setting, in seconds; steps that did not react before the deadline are counted apart.</summary>
internal sealed record ReactionResult(ReactionSetting Setting, IReadOnlyList<double> Seconds, int TimedOut)
{
    /// <summary>Per reacted step: seconds from the step to the first tick requiring the 5x need.</summary>
    public IReadOnlyList<double> DecidedSeconds { get; init; } = [];

    /// <summary>Per reacted step: seconds from the step to the first tick with that need running.</summary>
    public IReadOnlyList<double> StartedSeconds { get; init; } = [];

    public double Percentile(double p) => Percentile(Seconds, p);

    public string PhasesLine() => string.Create(CultureInfo.InvariantCulture,
        $"{"",-22} phases: 5x need decided p50 {Percentile(DecidedSeconds, 0.5),6:0.00}s p95 {Percentile(DecidedSeconds, 0.95),6:0.00}s; pods running p50 {Percentile(StartedSeconds, 0.5),6:0.00}s p95 {Percentile(StartedSeconds, 0.95),6:0.00}s");

    private static double Percentile(IReadOnlyList<double> seconds, double p)
    {
        if (seconds.Count == 0)
        {
            return double.NaN;
        }

        // Nearest rank: the smallest value with at least p of the samples at or below it.
        var sorted = seconds.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Setting.Name,-22} poll {Setting.PollInterval.TotalSeconds,4:0}s  steps {Seconds.Count + TimedOut,2}  reacted {Seconds.Count,2}  p50 {Percentile(0.5),6:0.00}s  p95 {Percentile(0.95),6:0.00}s  max {(Seconds.Count == 0 ? double.NaN : Seconds.Max()),6:0.00}s  timed out {TimedOut}");
}
