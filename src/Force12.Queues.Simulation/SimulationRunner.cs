using Force12.Queues.Simulation.Engine;
using Force12.Queues.Simulation.Strategies;

namespace Force12.Queues.Simulation;

/// <summary>
/// Runs Force12's policy and the baselines (KEDA default, static peak) over the same pipelines, seed and
/// simulated world, then computes the oracle lower bound from the same arrivals.
/// </summary>
public static class SimulationRunner
{
    /// <summary>Name of the oracle row in <see cref="SimulationReport.Results"/>.</summary>
    public const string OracleName = "oracle";

    /// <summary>The standard comparison: force12, force12-forecast (when <see cref="SimulationOptions.Forecast"/> is set), keda-default, static-peak, then the oracle.</summary>
    public static SimulationReport Run(IReadOnlyList<SimulatedPipeline> pipelines, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        ArgumentNullException.ThrowIfNull(options);
        IScalingStrategy[] strategies =
        [
            new Force12Strategy(pipelines.Count, options.PollInterval),
            .. options.Forecast is { } forecast ? [new Force12Strategy(pipelines.Count, options.PollInterval, forecast, options.PodStartLatency)] : Array.Empty<IScalingStrategy>(),
            new KedaDefaultStrategy(pipelines.Count),
            new StaticPeakStrategy(),
        ];
        return Run(pipelines, options, strategies);
    }

    /// <summary>
    /// Runs the given strategies (fresh instances: they keep per-run state), then the oracle. Throws
    /// <see cref="ArgumentException"/> listing every problem <see cref="SimulationValidator"/> finds.
    /// </summary>
    public static SimulationReport Run(IReadOnlyList<SimulatedPipeline> pipelines, SimulationOptions options, IReadOnlyList<IScalingStrategy> strategies)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(strategies);
        var errors = SimulationValidator.Validate(pipelines, options);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(options));
        }

        var duration = (options.Duration ?? pipelines.Max(p => p.Trace.Duration)!.Value).TotalSeconds;
        var results = new List<PolicyResult>();
        var series = new List<TimeSeriesPoint>();
        foreach (var strategy in strategies)
        {
            var (result, points) = new SimulationEngine(pipelines, options, strategy).Run(duration);
            results.Add(strategy is Force12Strategy { ForecastPoints.Count: > 0 } forecasting
                ? result with { ForecastMapePercent = ForecastScoring.MapeFromDay3(forecasting.ForecastPoints, Force12Strategy.Epoch, duration) }
                : result);
            series.AddRange(points);
        }

        var oracle = pipelines.Select((p, i) => OracleSchedule.Compute(p, i, options, duration)).ToList();
        results.Add(PolicyResult.Combine(OracleName, oracle.Select(o => o.Result).ToList(), oracle.Select(o => o.ScoredMessages).ToList()));
        series.AddRange(oracle.SelectMany(o => o.Series));
        return new SimulationReport { Results = results, Series = series, DurationSeconds = duration };
    }
}
