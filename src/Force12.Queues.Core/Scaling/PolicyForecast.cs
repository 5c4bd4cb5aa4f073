using Force12.Queues.Core.Forecasting;

namespace Force12.Queues.Core.Scaling;

/// <summary>
/// The arrival-rate forecast a policy decision may prepare for: the highest mean rate forecast between now and
/// now + <see cref="Lead"/> (see <see cref="PipelineForecaster.RateAhead"/>). In <see cref="ForecastMode.On"/> it can
/// only raise the pods; in <see cref="ForecastMode.Shadow"/> its need is reported but not used.
/// </summary>
public sealed record PolicyForecast
{
    /// <summary>Shadow (report only) or on (raise the pods). <see cref="ForecastMode.Off"/> is treated as no forecast.</summary>
    public required ForecastMode Mode { get; init; }

    /// <summary>Forecast arrival rate, messages per second.</summary>
    public required double RatePerSecond { get; init; }

    /// <summary>How far ahead the forecast looked: the measured pod start time plus the margin, or the configured lead.</summary>
    public required TimeSpan Lead { get; init; }
}
