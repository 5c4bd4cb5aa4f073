using Force12.Queues.Core.Forecasting;

namespace Force12.Queues.Core.Scaling;

/// <summary>
/// Turns one pipeline's backlog, arrivals and throughput into the pods that meet its SLA:
/// N &gt;= (L / T + lambda) / mu, capped at useful parallelism and [MinPods, MaxPods]. Scales up at once
/// (optionally bounded per decision), down only after the lower need held for the stabilisation window,
/// never down on missing metrics, to fallback pods after repeated failed polls, and never up for a
/// stalled group or for hot partitions. Pure: no clock, no I/O; state travels in <see cref="PolicyInput"/>
/// and out in <see cref="ScalingDecision.History"/>.
/// </summary>
public static class SlaScalingPolicy
{
    /// <summary>Decides the pods for one pipeline. <paramref name="options"/> must be valid (see <see cref="SlaPolicyOptionsValidator"/>).</summary>
    public static ScalingDecision Decide(SlaPolicyOptions options, PolicyInput input)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(input);
        var mu = input.Throughput.Or(options.PerPodThroughputPrior);
        var current = Math.Max(0, input.CurrentPods);

        // Holding keeps the previous decision, not only the pods up now: a pod that crashed while data is missing is
        // replaced, so the pipeline never shrinks on missing data.
        var held = Math.Max(current, input.History.LatestNeed(current));
        if (input.ConsecutiveFailedPolls >= options.FallbackAfterFailedPolls)
        {
            return Hold(options, input, Math.Max(held, options.FallbackPods), ScalingReason.FallbackAfterFailedPolls, mu);
        }

        if (!input.MetricsAvailable)
        {
            return Hold(options, input, held, ScalingReason.MetricsUnavailableHold, mu);
        }

        if (input.Stalled)
        {
            return Hold(options, input, held, ScalingReason.ConsumerGroupStalled, mu);
        }

        var uncapped = PodNeed.WithHotUnits(input, options.Sla.TotalSeconds, mu);
        var (need, reason) = CapAndActivate(options, input, current, uncapped);
        var forecastNeed = ForecastNeed(options, input, mu);
        if (input.Forecast?.Mode == ForecastMode.On && forecastNeed > need)
        {
            // The forecast only ever raises the need: it never scales down (AWS predictive scaling's rule).
            need = forecastNeed.Value;
            reason = ScalingReason.Forecast;
        }

        var history = Seeded(input, current, options).Record(input.At, need, options.ScaleDownStabilisation);
        int required;
        if (need > current)
        {
            // The step bounds growth, but the minimum is a floor that applies at once.
            var step = options.MaxScaleUpStep;
            var bounded = step is { } s && need - Math.Max(current, options.MinPods) > s;
            required = bounded ? Math.Max(current, options.MinPods) + step!.Value : need;
            reason = bounded ? ScalingReason.ScaleUpBoundedByStep : reason ?? ScalingReason.ScaleUpForSla;
        }
        else if (need < current)
        {
            var stabilised = Math.Max(need, Math.Min(current, history.HighestNeed(need)));
            required = Math.Clamp(stabilised, options.MinPods, options.MaxPods);
            reason = required < current ? ScalingReason.ScaleDownAfterStabilisation : ScalingReason.ScaleDownDeferred;
        }
        else
        {
            required = need;
            reason ??= ScalingReason.WithinSla;
        }

        return new ScalingDecision
        {
            NeededPods = required,
            InstantNeed = need,
            Reason = reason.Value,
            Explanation = ScalingExplanation.Build(reason.Value, input, options, required, uncapped, need, mu),
            PerPodThroughput = mu,
            ForecastNeed = forecastNeed,
            History = history,
        };
    }

    /// <summary>Pods for the forecast arrival rate with no backlog, capped like the reactive need; <c>null</c> without a forecast.</summary>
    private static int? ForecastNeed(SlaPolicyOptions options, PolicyInput input, double mu)
    {
        if (input.Forecast is not { Mode: not ForecastMode.Off } forecast)
        {
            return null;
        }

        var arrivals = input with { BacklogMessages = 0, ArrivalRatePerSecond = forecast.RatePerSecond, HotUnits = 0, HotBacklogMessages = 0, HotArrivalRatePerSecond = 0 };
        var pods = PodNeed.WithHotUnits(arrivals, options.Sla.TotalSeconds, mu);
        return Math.Clamp(Math.Min(pods, Math.Max(1, input.UsefulParallelism)), options.MinPods, options.MaxPods);
    }

    /// <summary>Applies the caps, the minimum and activation from zero; returns the need and the reason a cap or rule set, if any.</summary>
    private static (int Need, ScalingReason? Reason) CapAndActivate(SlaPolicyOptions options, PolicyInput input, int current, int uncapped)
    {
        var need = uncapped;
        ScalingReason? reason = input.HotUnits > 0 ? ScalingReason.HotPartitionsFlagged : null;
        var parallelism = Math.Max(1, input.UsefulParallelism);
        if (need > parallelism)
        {
            need = parallelism;
            reason = ScalingReason.CappedAtUsefulParallelism;
        }

        if (need > options.MaxPods)
        {
            need = options.MaxPods;
            reason = ScalingReason.CappedAtMaximum;
        }

        var idle = input.BacklogMessages <= 0 && input.ArrivalRatePerSecond <= 0;
        if (current == 0)
        {
            if (input.BacklogMessages > options.ActivationBacklogThreshold)
            {
                need = Math.Max(need, 1);
                reason ??= ScalingReason.ActivatedFromZero;
            }
            else
            {
                // Below the activation threshold a pipeline at zero stays at its minimum.
                need = 0;
                idle = true;
            }
        }

        if (need <= options.MinPods)
        {
            need = options.MinPods;
            if (idle)
            {
                reason = ScalingReason.IdleAtMinimum;
            }
        }

        return (need, reason);
    }

    /// <summary>
    /// Without history (first decision, or after a restart) the past is unknown: assume the current pods were
    /// needed just now, so a scale-down still waits a full window.
    /// </summary>
    private static StabilisationHistory Seeded(PolicyInput input, int current, SlaPolicyOptions options) =>
        input.History.Points.IsDefaultOrEmpty
            ? input.History.Record(input.At, current, options.ScaleDownStabilisation)
            : input.History;

    private static ScalingDecision Hold(SlaPolicyOptions options, PolicyInput input, int pods, ScalingReason reason, double mu)
    {
        var required = Math.Clamp(pods, options.MinPods, options.MaxPods);
        return new ScalingDecision
        {
            NeededPods = required,
            InstantNeed = required,
            Reason = reason,
            Explanation = ScalingExplanation.Build(reason, input, options, required, required, required, mu),
            PerPodThroughput = mu,

            // Recording the held count keeps a later scale-down waiting a full window after data returns.
            History = input.History.Record(input.At, required, options.ScaleDownStabilisation),
        };
    }
}
