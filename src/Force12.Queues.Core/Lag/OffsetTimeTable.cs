namespace Force12.Queues.Core.Lag;

/// <summary>
/// A bounded, per-unit table of (log-end offset, observed time) points used to estimate when a given
/// offset was written, as kafka-lag-exporter does: the age of the oldest unprocessed message is then
/// "now - time at which the log end passed the committed offset", with no extra read per unit.
/// Flat runs (no new messages) are compressed to their first and last point; the estimate
/// interpolates between the two points around the offset and extrapolates only outside the table.
/// </summary>
public sealed class OffsetTimeTable
{
    /// <summary>Default number of points kept per unit (oldest dropped first).</summary>
    public const int DefaultCapacity = 64;

    private readonly List<(long Offset, DateTimeOffset At)> _points = [];

    /// <summary>Creates a table keeping at most <paramref name="capacity"/> points (at least 2).</summary>
    public OffsetTimeTable(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        Capacity = capacity;
    }

    /// <summary>Maximum number of points kept.</summary>
    public int Capacity { get; }

    /// <summary>The points, oldest first.</summary>
    public IReadOnlyList<(long Offset, DateTimeOffset At)> Points => _points;

    /// <summary>
    /// Records that the log end was <paramref name="logEnd"/> at <paramref name="at"/>. A log end
    /// lower than the last one (topic recreated) or a time going backwards clears the table first.
    /// </summary>
    public void Add(long logEnd, DateTimeOffset at)
    {
        if (_points.Count > 0 && (logEnd < _points[^1].Offset || at < _points[^1].At))
        {
            _points.Clear();
        }

        var count = _points.Count;
        if (count >= 2 && _points[^1].Offset == logEnd && _points[^2].Offset == logEnd)
        {
            _points[^1] = (logEnd, at); // extend the flat run: keep its first and last point only
            return;
        }

        if (count == Capacity)
        {
            _points.RemoveAt(0);
        }

        _points.Add((logEnd, at));
    }

    /// <summary>
    /// Estimated age in seconds at <paramref name="now"/> of the message at <paramref name="offset"/>,
    /// or null when the table holds fewer than two distinct offsets. Never negative.
    /// </summary>
    public double? EstimateAgeSeconds(long offset, DateTimeOffset now)
    {
        if (_points.Count < 2 || _points[0].Offset == _points[^1].Offset)
        {
            return null;
        }

        var written = EstimateWriteTime(offset);
        return Math.Max(0, (now - written).TotalSeconds);
    }

    private DateTimeOffset EstimateWriteTime(long offset)
    {
        // The last point at or below the offset, and the first point above it.
        var upper = _points.FindIndex(p => p.Offset > offset);
        if (upper < 0)
        {
            return _points[^1].At; // at or past the newest log end we saw
        }

        if (upper == 0)
        {
            // Before the table: extrapolate backwards along the table's overall slope.
            return Interpolate(_points[0], _points[^1], offset);
        }

        return Interpolate(_points[upper - 1], _points[upper], offset);
    }

    private static DateTimeOffset Interpolate((long Offset, DateTimeOffset At) a, (long Offset, DateTimeOffset At) b, long offset)
    {
        var dy = b.Offset - a.Offset;
        if (dy <= 0)
        {
            return a.At; // guard: never divide by a flat segment
        }

        var fraction = (double)(offset - a.Offset) / dy;
        return a.At + TimeSpan.FromTicks((long)(fraction * (b.At - a.At).Ticks));
    }
}
