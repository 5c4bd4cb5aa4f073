namespace Force12.Queues.Core.Forecasting;

/// <summary>
/// Adds measured arrival rates up into fixed buckets (aligned to UTC midnight) and hands back each bucket's
/// mean rate when the first sample of a later bucket arrives. A sample measured over an interval belongs to the
/// bucket its end falls in.
/// </summary>
public sealed class ArrivalRateBuckets(SeasonCalendar calendar)
{
    private DateTimeOffset? _current;
    private double _messages;
    private double _seconds;

    /// <summary>
    /// Adds <paramref name="ratePerSecond"/> measured over the <paramref name="seconds"/> before <paramref name="at"/>;
    /// returns the bucket this sample completed (its start and mean rate), or <c>null</c>.
    /// </summary>
    public CompletedBucket? Add(DateTimeOffset at, double ratePerSecond, double seconds)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!(seconds > 0) || !double.IsFinite(ratePerSecond))
        {
            return null;
        }

        var bucket = calendar.BucketStart(at);
        CompletedBucket? completed = null;
        if (_current is { } current && bucket != current)
        {
            completed = _seconds > 0 ? new CompletedBucket(current, _messages / _seconds) : null;
            _messages = 0;
            _seconds = 0;
        }

        _current = bucket;
        _messages += Math.Max(0, ratePerSecond) * seconds;
        _seconds += seconds;
        return completed;
    }
}
