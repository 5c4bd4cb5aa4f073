namespace Force12.Queues.Core.Forecasting;

/// <summary>
/// One pipeline's forecast: measured arrival rates go into buckets (<see cref="ArrivalRateBuckets"/>), each
/// finished bucket is scored against the forecast made for it (<see cref="Accuracy"/>) and then learned by the
/// <see cref="DoubleSeasonalHoltWinters"/> model; <see cref="RateAhead"/> answers the rate to prepare for. The
/// control loop (and the simulator) own one per pipeline; the policy only sees the number it returns.
/// </summary>
public sealed class PipelineForecaster
{
    private readonly SeasonCalendar _calendar;
    private readonly ArrivalRateBuckets _buckets;
    private readonly DoubleSeasonalHoltWinters _model;
    private readonly TimeSpan _bucket;
    private DateTimeOffset? _lastLearned;
    private (DateTimeOffset Start, double? Rate)? _next;

    /// <summary>Creates an empty forecaster with <paramref name="options"/> (valid, see <see cref="ForecastOptionsValidator"/>).</summary>
    public PipelineForecaster(ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _bucket = options.Bucket;
        _calendar = new SeasonCalendar(options.Bucket, options.Sunset);
        _buckets = new ArrivalRateBuckets(_calendar);
        _model = new DoubleSeasonalHoltWinters(options, _calendar.SlotsPerDay);
    }

    /// <summary>The settings this forecaster runs with.</summary>
    public ForecastOptions Options { get; }

    /// <summary>One-bucket-ahead forecast error so far.</summary>
    public ForecastAccuracy Accuracy { get; } = new();

    /// <summary>
    /// Adds the arrival rate measured over the <paramref name="seconds"/> before <paramref name="at"/>. When this
    /// finishes a bucket, returns that bucket's forecast beside its actual rate (after learning it), else <c>null</c>.
    /// </summary>
    public ForecastPoint? Observe(DateTimeOffset at, double ratePerSecond, double seconds)
    {
        var completed = _buckets.Add(at, ratePerSecond, seconds);
        return completed is null ? null : Learn(completed);
    }

    /// <summary>Learns a finished bucket (also used to replay a stored history); returns its forecast beside the actual.</summary>
    public ForecastPoint Learn(CompletedBucket bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        var forecast = _next is { } next && next.Start == bucket.Start ? next.Rate : null;
        var point = new ForecastPoint(bucket.Start, forecast, bucket.RatePerSecond);
        Accuracy.Add(point);
        var (daily, weekly) = _calendar.SlotOf(bucket.Start);
        _model.Learn(bucket.RatePerSecond, daily, weekly);
        _lastLearned = bucket.Start;
        var following = bucket.Start + _bucket;
        _next = (following, RateOfBucket(following));
        return point;
    }

    /// <summary>
    /// The highest forecast mean rate of the buckets from the one holding <paramref name="at"/> to the one holding
    /// <paramref name="at"/> + <paramref name="lead"/>: what pods started now must be ready for. <c>null</c> while
    /// the model has not seen those times of day yet.
    /// </summary>
    public double? RateAhead(DateTimeOffset at, TimeSpan lead)
    {
        double? highest = null;
        var last = _calendar.BucketStart(at + lead);
        for (var start = _calendar.BucketStart(at); start <= last; start += _bucket)
        {
            if (RateOfBucket(start) is { } rate)
            {
                highest = Math.Max(highest ?? 0, rate);
            }
        }

        return highest;
    }

    private double? RateOfBucket(DateTimeOffset start)
    {
        if (_lastLearned is not { } learned)
        {
            return null;
        }

        var ahead = (int)Math.Max(1, (start - learned).Ticks / _bucket.Ticks);
        var (daily, weekly) = _calendar.SlotOf(start);
        return _model.Forecast(ahead, daily, weekly);
    }
}
