namespace Force12.Queues.Core.Lag;

/// <summary>Rates from two successive observations of a monotonic counter (log end, committed offset).</summary>
public static class RateEstimator
{
    /// <summary>
    /// Units per second between two observations, or null when either value is unknown, no time
    /// passed, or the counter went backwards (topic recreated, offsets reset): a reset is not a rate.
    /// </summary>
    public static double? PerSecond(long? previous, DateTimeOffset previousAt, long? current, DateTimeOffset currentAt)
    {
        if (previous is not { } before || current is not { } now)
        {
            return null;
        }

        var seconds = (currentAt - previousAt).TotalSeconds;
        if (seconds <= 0 || now < before)
        {
            return null;
        }

        return (now - before) / seconds;
    }
}
