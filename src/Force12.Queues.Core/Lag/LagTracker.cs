namespace Force12.Queues.Core.Lag;

/// <summary>
/// Turns successive raw observations of a group into unit snapshots: lag, time lag (exact when a
/// timestamp was read, else estimated from the unit's offset/time table), rates and status.
/// Source-agnostic and clock-free (the caller passes the observation time); one instance per
/// collector, not thread-safe.
/// </summary>
public sealed class LagTracker
{
    private readonly LagTrackerOptions _options;
    private readonly Dictionary<LagUnitId, UnitHistory> _history = [];

    /// <summary>Creates a tracker with the given options.</summary>
    public LagTracker(LagTrackerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>
    /// True when the unit has waiting messages and its table could not interpolate their write time
    /// (first sightings, or the oldest waiting offset is older than the table): an exact read is
    /// worth its cost there.
    /// </summary>
    public bool NeedsExactTimestamp(LagUnitId id, long nextToProcess, long logEnd)
    {
        if (nextToProcess >= logEnd)
        {
            return false;
        }

        if (!_history.TryGetValue(id, out var history))
        {
            return true;
        }

        // A timestamp read earlier for the same offset still holds: a message's timestamp never changes.
        return history.ExactOffset != nextToProcess
            && (history.Table.Points.Count == 0 || history.Table.Points[0].Offset > nextToProcess);
    }

    /// <summary>Records one collection taken at <paramref name="now"/> and returns a snapshot per unit, ordered.</summary>
    public IReadOnlyList<LagUnitSnapshot> Observe(IEnumerable<LagObservation> observations, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var seen = new HashSet<LagUnitId>();
        var snapshots = new List<LagUnitSnapshot>();
        foreach (var observation in observations)
        {
            seen.Add(observation.Id);
            snapshots.Add(ObserveUnit(observation, now));
        }

        // Units that disappeared (topic deleted, shard closed) lose their history.
        foreach (var gone in _history.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _history.Remove(gone);
        }

        snapshots.Sort((a, b) => a.Id.CompareTo(b.Id));
        return snapshots;
    }

    private LagUnitSnapshot ObserveUnit(LagObservation o, DateTimeOffset now)
    {
        if (!_history.TryGetValue(o.Id, out var h))
        {
            h = new UnitHistory(new OffsetTimeTable(_options.TimeTableCapacity));
            _history[o.Id] = h;
        }

        var next = BacklogMath.NextToProcess(o.LogStartOffset, o.LogEndOffset, o.CommittedOffset, _options.ResetPolicy);
        var lag = BacklogMath.Lag(o.LogStartOffset, o.LogEndOffset, o.CommittedOffset, _options.ResetPolicy);
        h.Table.Add(o.LogEndOffset, now);

        var arrival = h.Seen ? RateEstimator.PerSecond(h.LogEnd, h.At, o.LogEndOffset, now) : null;
        var processing = h.Seen ? RateEstimator.PerSecond(h.Committed, h.At, o.CommittedOffset, now) : null;
        if (!h.Seen || o.CommittedOffset != h.Committed)
        {
            h.CommittedSince = now;
            h.LagWhenCommitMoved = lag;
        }

        if (o.OldestUnprocessedTimestamp is { } read)
        {
            (h.ExactOffset, h.ExactTimestamp) = (next, read);
        }

        var (seconds, method) = TimeLag(next, lag, h, now);
        var status = LagStatusRules.Classify(
            o.CommittedOffset is not null, lag, now - h.CommittedSince, h.LagWhenCommitMoved, _options.StallAfter);

        h.Seen = true;
        h.LogEnd = o.LogEndOffset;
        h.Committed = o.CommittedOffset;
        h.At = now;

        return new LagUnitSnapshot
        {
            Id = o.Id,
            LogStartOffset = o.LogStartOffset,
            LogEndOffset = o.LogEndOffset,
            CommittedOffset = o.CommittedOffset,
            Lag = lag,
            LagSeconds = seconds,
            LagSecondsMethod = method,
            ArrivalRate = arrival,
            ProcessingRate = processing,
            Status = status,
        };
    }

    private static (double? Seconds, TimeLagMethod Method) TimeLag(long next, long lag, UnitHistory h, DateTimeOffset now)
    {
        if (lag == 0)
        {
            return (0, TimeLagMethod.NothingWaiting);
        }

        if (h.ExactOffset == next && h.ExactTimestamp is { } written)
        {
            return (Math.Max(0, (now - written).TotalSeconds), TimeLagMethod.Exact);
        }

        return h.Table.EstimateAgeSeconds(next, now) is { } estimate
            ? (estimate, TimeLagMethod.Estimated)
            : (null, TimeLagMethod.None);
    }

    private sealed class UnitHistory(OffsetTimeTable table)
    {
        public OffsetTimeTable Table { get; } = table;
        public bool Seen { get; set; }
        public long LogEnd { get; set; }
        public long? Committed { get; set; }
        public DateTimeOffset At { get; set; }
        public DateTimeOffset CommittedSince { get; set; }
        public long LagWhenCommitMoved { get; set; }
        public long? ExactOffset { get; set; }
        public DateTimeOffset? ExactTimestamp { get; set; }
    }
}
