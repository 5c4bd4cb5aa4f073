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
    private readonly Queue<CompletedBucket> _history = new();

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

    /// <summary>The finished buckets learned, oldest first, at most <see cref="ForecastHistoryFile.MaxBuckets"/> (what a restart replays).</summary>
    public IReadOnlyCollection<CompletedBucket> History => _history;

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
        _history.Enqueue(bucket);
        if (_history.Count > ForecastHistoryFile.MaxBuckets)
        {
            _history.Dequeue();
        }

        var following = bucket.Start + _bucket;
        _next = (following, RateOfBucket(following));
        return point;
    }

    /// <summary>
    /// The arrival rate forecast for <paramref name="at"/> + <paramref name="lead"/>: what pods started now must be
    /// ready for. Bucket means are taken at the middle of their bucket and interpolated linearly between, so a ramp
    /// is followed instead of jumping a whole bucket early. <c>null</c> while the model has not seen that time of day.
    /// </summary>
    public double? RateAhead(DateTimeOffset at, TimeSpan lead)
    {
        var target = at + lead;
        var half = _bucket / 2;
        var before = _calendar.BucketStart(target - half);
        var after = before + _bucket;
        var (rateBefore, rateAfter) = (RateOfBucket(before), RateOfBucket(after));
        if (rateBefore is not { } a || rateAfter is not { } b)
        {
            return rateBefore ?? rateAfter;
        }

        var weight = (target - (before + half)) / _bucket;
        return a + ((b - a) * Math.Clamp(weight, 0, 1));
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
