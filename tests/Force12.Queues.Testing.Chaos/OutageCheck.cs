using System.Globalization;

namespace Force12.Queues.Chaos;

/// <summary>
/// What the agent must do for a Kafka pipeline whose brokers are all down under load (issue 17): hold its pods (never
/// lower the target while the brokers are down), reach the fallback after its failed polls, and recover by itself
/// once they are back (decide on data again within <see cref="RecoveryDeadline"/>).
/// </summary>
internal static class OutageCheck
{
    /// <summary>Longest time after the brokers are back until the agent decides on data again.</summary>
    public static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(90);

    private static readonly HashSet<string> Holding = new(StringComparer.Ordinal) { "MetricsUnavailableHold", "FallbackAfterFailedPolls" };

    /// <summary>Every way <paramref name="samples"/> broke the rules; empty when the agent held and recovered.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<OutageSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var down = samples.Where(s => s.BrokersDown).ToArray();
        if (down.Length == 0)
        {
            return ["no decision was sampled while the brokers were down"];
        }

        var problems = new List<string>();
        var before = down[0].Target;
        problems.AddRange(down.Where(s => s.Target < before).Take(3).Select(s => Say(s, $"target {s.Target} below the {before} pods at the outage's start: scaled down on missing data")));
        if (!down.Any(s => s.Reason == "FallbackAfterFailedPolls"))
        {
            problems.Add($"the fallback was never reached while the brokers were down (reasons: {string.Join(", ", down.Select(s => s.Reason).Distinct())})");
        }

        var up = samples.Where(s => !s.BrokersDown).ToArray();
        var backAt = up.Length > 0 ? up[0].SinceOutage : (TimeSpan?)null;
        var recovered = up.FirstOrDefault(s => !Holding.Contains(s.Reason) && s.Reason.Length > 0);
        if (backAt is null)
        {
            problems.Add("the run ended before the brokers were back");
        }
        else if (recovered == default || recovered.SinceOutage - backAt > RecoveryDeadline)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the agent did not decide on data again within {RecoveryDeadline.TotalSeconds:0} s of the brokers being back"));
        }

        return problems;
    }

    /// <summary>One line for the run's summary: how long the agent held, when it fell back and when it recovered.</summary>
    public static string Summary(IReadOnlyList<OutageSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return "no broker outage";
        }

        var fallback = samples.FirstOrDefault(s => s.Reason == "FallbackAfterFailedPolls");
        var back = samples.FirstOrDefault(s => !s.BrokersDown);
        var recovered = samples.FirstOrDefault(s => !s.BrokersDown && !Holding.Contains(s.Reason) && s.Reason.Length > 0);
        return string.Create(CultureInfo.InvariantCulture,
            $"broker outage: pods {samples.Where(s => s.BrokersDown).Select(s => s.Target).DefaultIfEmpty().Min()} to {samples.Where(s => s.BrokersDown).Select(s => s.Target).DefaultIfEmpty().Max()} while down; fallback at {Seconds(fallback)}, brokers back at {Seconds(back)}, deciding on data again at {Seconds(recovered)}");
    }

    private static string Seconds(OutageSample sample) =>
        sample == default ? "never" : string.Create(CultureInfo.InvariantCulture, $"{sample.SinceOutage.TotalSeconds:0} s");

    private static string Say(OutageSample sample, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{sample.SinceOutage.TotalSeconds:0} s into the outage: {what}");
}
