namespace Force12.Queues.Core.Lag;

/// <summary>How the age of the oldest unprocessed message of a unit was obtained.</summary>
public enum TimeLagMethod
{
    /// <summary>Unknown: no timestamp could be read and the offset/time table cannot answer yet.</summary>
    None,

    /// <summary>Nothing is waiting, so the age is 0 by definition.</summary>
    NothingWaiting,

    /// <summary>From the timestamp of the message at the committed position (one read per unit).</summary>
    Exact,

    /// <summary>Interpolated over the unit's table of (log-end offset, time) observations (no extra reads).</summary>
    Estimated,
}
