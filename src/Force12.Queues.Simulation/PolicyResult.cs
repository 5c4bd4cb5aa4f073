namespace Force12.Queues.Simulation;

/// <summary>How one strategy fared over all pipelines of a run.</summary>
public sealed record PolicyResult
{
    /// <summary>Strategy name: <c>force12</c>, <c>force12-forecast</c>, <c>keda-default</c>, <c>static-peak</c> or <c>oracle</c>.</summary>
    public required string Policy { get; init; }

    /// <summary>Messages processed within their pipeline's SLA, percent, over all pipelines.</summary>
    public required double WithinSlaPercent { get; init; }

    /// <summary>Highest p99 delay among the pipelines, seconds.</summary>
    public required double P99DelaySeconds { get; init; }

    /// <summary>Pod-seconds summed over pipelines.</summary>
    public required double PodSeconds { get; init; }

    /// <summary>Scale actions summed over pipelines.</summary>
    public required int ScaleActions { get; init; }

    /// <summary>
    /// For a strategy with forecasts: MAPE (percent) of its one-bucket-ahead arrival-rate forecasts over all
    /// pipelines from the third simulated day on (over the whole run when it is shorter); otherwise <c>null</c>.
    /// </summary>
    public double? ForecastMapePercent { get; init; }

    /// <summary>Per-pipeline detail.</summary>
    public required IReadOnlyList<PipelineResult> Pipelines { get; init; }

    /// <summary>Combines per-pipeline results into one row.</summary>
    public static PolicyResult Combine(string policy, IReadOnlyList<PipelineResult> pipelines, IReadOnlyList<double> scoredMessages)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        ArgumentNullException.ThrowIfNull(scoredMessages);
        var total = scoredMessages.Sum();
        var within = pipelines.Select((p, i) => p.WithinSlaPercent * scoredMessages[i]).Sum();
        return new PolicyResult
        {
            Policy = policy,
            WithinSlaPercent = total > 0 ? within / total : 100,
            P99DelaySeconds = pipelines.Count == 0 ? 0 : pipelines.Max(p => p.P99DelaySeconds),
            PodSeconds = pipelines.Sum(p => p.PodSeconds),
            ScaleActions = pipelines.Sum(p => p.ScaleActions),
            Pipelines = pipelines,
        };
    }
}
