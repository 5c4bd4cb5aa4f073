namespace Force12.Queues.Lightbulbs.Processing;

/// <summary>
/// Simulated per-message work that keeps an exact pace: the worker is busy until a point on the clock that
/// moves by the work time per message, and waits only once it is at least 1 ms ahead, so sub-millisecond
/// work still caps throughput at 1 / work.
/// </summary>
internal sealed class PacedWork(TimeSpan perMessage, TimeProvider time)
{
    private static readonly TimeSpan Resolution = TimeSpan.FromMilliseconds(1);
    private long _busyUntil;

    public async ValueTask DoAsync(CancellationToken cancellationToken)
    {
        if (perMessage <= TimeSpan.Zero)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return;
        }

        var now = time.GetTimestamp();
        _busyUntil = Math.Max(now, _busyUntil) + (long)(perMessage.TotalSeconds * time.TimestampFrequency);
        var ahead = TimeSpan.FromSeconds((_busyUntil - now) / (double)time.TimestampFrequency);
        if (ahead >= Resolution)
        {
            await Task.Delay(ahead, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
