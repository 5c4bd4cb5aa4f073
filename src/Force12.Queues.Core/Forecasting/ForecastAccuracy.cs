namespace Force12.Queues.Core.Forecasting;

/// <summary>Mean absolute percentage error (MAPE) of one-bucket-ahead forecasts, over buckets with arrivals and a forecast.</summary>
public sealed class ForecastAccuracy
{
    private double _sum;

    /// <summary>Buckets scored so far.</summary>
    public long Scored { get; private set; }

    /// <summary>MAPE in percent, or <c>null</c> before the first scored bucket.</summary>
    public double? MapePercent => Scored > 0 ? 100 * _sum / Scored : null;

    /// <summary>The last bucket compared (forecast beside actual), or <c>null</c>.</summary>
    public ForecastPoint? Last { get; private set; }

    /// <summary>Scores <paramref name="point"/> when it has a forecast and arrivals.</summary>
    public void Add(ForecastPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        Last = point;
        if (point.AbsolutePercentageError is { } error)
        {
            _sum += error;
            Scored++;
        }
    }
}
