using Confluent.Kafka;

namespace Force12.Queues.Kafka.Lag;

/// <summary>
/// One cluster-wide Metadata request shared by the collectors that lease the same admin client: a caller that comes
/// within <see cref="MaxAge"/> of the last request (in flight or answered) gets that request's answer instead of sending
/// its own, unless it already had that answer, so no caller ever sees the same answer twice (each poll of a collector
/// reads metadata at least as new as its previous poll). The pipelines of one tick collect at the same moment, so ten
/// pipelines on one cluster cost one Metadata request and one marshalling of every partition per tick instead of ten.
/// A failed request is shared only by the callers already waiting for it; the next caller asks again. Thread-safe.
/// </summary>
internal sealed class SharedClusterMetadata
{
    /// <summary>How long an answer is offered to other callers: 500 ms, less than a poll interval of one second.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(500);

    private readonly Lock _lock = new();
    private readonly Func<Metadata> _fetch;
    private readonly TimeProvider _time;
    private readonly HashSet<object> _served = new(ReferenceEqualityComparer.Instance);
    private Task<Metadata>? _last;
    private long _lastStarted;

    /// <summary>Shares the answers of <paramref name="fetch"/> (a blocking Metadata request, run on the thread pool).</summary>
    public SharedClusterMetadata(Func<Metadata> fetch, TimeProvider time)
    {
        _fetch = fetch;
        _time = time;
    }

    /// <summary>The cluster's metadata for <paramref name="caller"/>: another caller's request started at most
    /// <see cref="MaxAge"/> ago that this caller has not had yet, or a new request.</summary>
    public Task<Metadata> GetAsync(object caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        lock (_lock)
        {
            if (_last is not { IsFaulted: false, IsCanceled: false } last
                || _time.GetElapsedTime(_lastStarted) >= MaxAge
                || _served.Contains(caller))
            {
                _served.Clear();
                _lastStarted = _time.GetTimestamp();
                _last = last = Task.Run(_fetch);
            }

            _served.Add(caller);
            return last;
        }
    }
}
