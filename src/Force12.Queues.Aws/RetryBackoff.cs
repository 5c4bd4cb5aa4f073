namespace Force12.Queues.Aws;

/// <summary>Pure backoff arithmetic: exponential growth with a cap and "equal jitter".</summary>
public static class RetryBackoff
{
    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1-based): half of
    /// min(max, base x 2^(retry-1)) plus that half scaled by <paramref name="jitter"/> in [0, 1).
    /// </summary>
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var exponent = Math.Min(retry - 1, 30);
        var ceiling = Math.Min(maxDelay.Ticks, baseDelay.Ticks * (double)(1L << exponent));
        var half = ceiling / 2;
        return TimeSpan.FromTicks((long)(half + (half * Math.Clamp(jitter, 0, 1))));
    }
}
