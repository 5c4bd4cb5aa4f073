using System.Globalization;

namespace Force12.Queues.Benchmarks.Reaction;

/// <summary>Reaction times of one setting, in seconds; steps that did not react before the deadline are counted apart.</summary>
internal sealed record ReactionResult(ReactionSetting Setting, IReadOnlyList<double> Seconds, int TimedOut)
{
    public double Percentile(double p)
    {
        if (Seconds.Count == 0)
        {
            return double.NaN;
        }

        // Nearest rank: the smallest value with at least p of the samples at or below it.
        var sorted = Seconds.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Setting.Name,-22} poll {Setting.PollInterval.TotalSeconds,4:0}s  steps {Seconds.Count + TimedOut,2}  reacted {Seconds.Count,2}  p50 {Percentile(0.5),6:0.00}s  p95 {Percentile(0.95),6:0.00}s  max {(Seconds.Count == 0 ? double.NaN : Seconds.Max()),6:0.00}s  timed out {TimedOut}");
}
