namespace Force12.Queues.Lightbulbs.Load;

/// <summary>Thread-safe outcome counters of a sink, updated from delivery callbacks.</summary>
public sealed class LoadSinkCounters
{
    private long _acknowledged;
    private long _failed;
    private string? _firstError;

    /// <summary>Messages the broker acknowledged.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Messages that failed for good.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>The first failure's text, or null.</summary>
    public string? FirstError => Volatile.Read(ref _firstError);

    /// <summary>Counts one acknowledgement.</summary>
    public void Acknowledge() => Interlocked.Increment(ref _acknowledged);

    /// <summary>Counts one failure, keeping the first reason.</summary>
    public void Fail(string reason)
    {
        Interlocked.Increment(ref _failed);
        Interlocked.CompareExchange(ref _firstError, reason, null);
    }
}
