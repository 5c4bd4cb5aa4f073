namespace Force12.Queues.Core.Forecasting;

/// <summary>A bucket's forecast beside what arrived.</summary>
/// <param name="Start">Start of the bucket (UTC).</param>
/// <param name="Forecast">Mean rate the model forecast for the bucket before it began, or <c>null</c> when it had no forecast yet.</param>
/// <param name="Actual">Mean rate that arrived, messages per second.</param>
public sealed record ForecastPoint(DateTimeOffset Start, double? Forecast, double Actual)
{
    /// <summary>|actual - forecast| / actual, or <c>null</c> without a forecast or when nothing arrived.</summary>
    public double? AbsolutePercentageError => Forecast is { } f && Actual > 0 ? Math.Abs(Actual - f) / Actual : null;
}
