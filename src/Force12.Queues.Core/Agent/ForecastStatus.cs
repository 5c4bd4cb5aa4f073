namespace Force12.Queues.Core.Agent;

/// <summary>A pipeline's forecast in <c>/api/status</c>: what it expects, how right it has been, and what it asked for.</summary>
public sealed record ForecastStatus
{
    /// <summary><c>shadow</c> or <c>on</c>.</summary>
    public required string Mode { get; init; }

    /// <summary>How far ahead the forecast looks, seconds (measured pod start time plus margin, or the configured lead).</summary>
    public double LeadSeconds { get; init; }

    /// <summary>Forecast arrival rate at now + lead, messages per second, or null while the model has not seen this time of day.</summary>
    public double? RateAhead { get; init; }

    /// <summary>Pods the forecast alone asks for, or null without a forecast rate.</summary>
    public int? NeededPods { get; init; }

    /// <summary>Forecast mean rate of the last finished bucket, or null when there was none.</summary>
    public double? LastBucketForecast { get; init; }

    /// <summary>Actual mean rate of the last finished bucket, or null before the first.</summary>
    public double? LastBucketActual { get; init; }

    /// <summary>Mean absolute percentage error of one-bucket-ahead forecasts since the agent started, or null before any.</summary>
    public double? MapePercent { get; init; }

    /// <summary>Why the history file could not be read or written, or null when it works (or none is configured).</summary>
    public string? HistoryError { get; init; }
}
