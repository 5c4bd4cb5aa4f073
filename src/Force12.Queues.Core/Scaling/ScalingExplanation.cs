using System.Globalization;

namespace Force12.Queues.Core.Scaling;

/// <summary>Builds the human sentence of a <see cref="ScalingDecision"/> (invariant culture, units spelled out).</summary>
internal static class ScalingExplanation
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Build(ScalingReason reason, PolicyInput input, SlaPolicyOptions options, int required, int uncapped, int need, double mu)
    {
        var window = Seconds(options.ScaleDownStabilisation.TotalSeconds);
        return reason switch
        {
            ScalingReason.MetricsUnavailableHold => string.Create(Invariant,
                $"metrics unavailable ({input.ConsecutiveFailedPolls} failed polls); holding {required} pods, never scaling down without data"),
            ScalingReason.FallbackAfterFailedPolls => string.Create(Invariant,
                $"{input.ConsecutiveFailedPolls} consecutive failed polls; running fallback of {required} pods"),
            ScalingReason.ConsumerGroupStalled => string.Create(Invariant,
                $"consumer group stalled: backlog {input.BacklogMessages:N0} msgs with no commits; holding {required} pods, more pods will not help"),
            ScalingReason.IdleAtMinimum => string.Create(Invariant,
                $"backlog {input.BacklogMessages:N0} msgs, no arrivals; holding the minimum of {required} pods"),
            ScalingReason.ActivatedFromZero => "activated from zero: " + Sla(input, options, required, mu),
            ScalingReason.CappedAtUsefulParallelism => Sla(input, options, required, mu) + string.Create(Invariant,
                $"; needs {uncapped} pods but only {input.UsefulParallelism} can consume (capped)"),
            ScalingReason.CappedAtMaximum => Sla(input, options, required, mu) + string.Create(Invariant,
                $"; needs {uncapped} pods, capped at the maximum of {options.MaxPods}"),
            ScalingReason.HotPartitionsFlagged => Sla(input, options, required, mu) + string.Create(Invariant,
                $"; {input.HotUnits} hot partitions cannot drain within the SLA at one consumer each (flagged, not chased)"),
            ScalingReason.ScaleDownDeferred => Sla(input, options, required, mu) + string.Create(Invariant,
                $"; need is {need} pods, keeping {required} until the lower need holds for {window} s"),
            ScalingReason.ScaleDownAfterStabilisation => Sla(input, options, required, mu) + string.Create(Invariant,
                $"; need stayed at or below {required} pods for {window} s"),
            ScalingReason.Forecast => Sla(input, options, required, mu) + string.Create(Invariant,
                $"; forecast {input.Forecast?.RatePerSecond ?? 0:N0}/s within {Seconds(input.Forecast?.Lead.TotalSeconds ?? 0)} s needs {need} pods (backlog and arrivals now need {uncapped})"),
            ScalingReason.ScaleUpBoundedByStep => Sla(input, options, required, mu) + string.Create(Invariant,
                $"; need is {need} pods, adding at most {options.MaxScaleUpStep} per decision"),
            _ => Sla(input, options, required, mu),
        };
    }

    private static string Sla(PolicyInput input, SlaPolicyOptions options, int pods, double mu)
    {
        var drain = PodNeed.DrainSeconds(input.BacklogMessages, input.ArrivalRatePerSecond, pods, mu);
        var drainText = double.IsPositiveInfinity(drain) ? "never drains (arrivals exceed capacity)" : $"drains in {Seconds(drain)} s";
        var sla = options.Sla.TotalSeconds;
        var breach = input.OldestUnprocessedAgeSeconds is { } age && age > sla ? $"; oldest message {Seconds(age)} s old, over the SLA" : "";
        return string.Create(Invariant,
            $"backlog {input.BacklogMessages:N0} msgs {drainText} at {pods} {(pods == 1 ? "pod" : "pods")}; SLA {Seconds(sla)} s; arrivals {input.ArrivalRatePerSecond:N0}/s{breach}");
    }

    private static string Seconds(double seconds) => seconds.ToString("0.#", Invariant);
}
