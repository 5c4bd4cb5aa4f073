namespace Force12.Queues.Core.Lag;

/// <summary>Pure arithmetic on dense offsets: lag in messages and where the oldest unprocessed message is.</summary>
public static class BacklogMath
{
    /// <summary>
    /// Messages still to process on one unit: log end minus the position the consumer will read next.
    /// That position is the committed offset, moved up to the log start when retention deleted the
    /// head; with no commit it is the log start (<see cref="OffsetResetPolicy.Earliest"/>) or the log
    /// end (<see cref="OffsetResetPolicy.Latest"/>). Never negative.
    /// </summary>
    public static long Lag(long logStart, long logEnd, long? committed, OffsetResetPolicy resetPolicy) =>
        logEnd - NextToProcess(logStart, logEnd, committed, resetPolicy);

    /// <summary>
    /// The offset of the oldest message still to process (clamped to [log start, log end]);
    /// equal to <paramref name="logEnd"/> when nothing is waiting.
    /// </summary>
    public static long NextToProcess(long logStart, long logEnd, long? committed, OffsetResetPolicy resetPolicy)
    {
        logEnd = Math.Max(logEnd, 0);
        logStart = Math.Clamp(logStart, 0, logEnd);
        var next = committed ?? (resetPolicy == OffsetResetPolicy.Earliest ? logStart : logEnd);
        return Math.Clamp(next, logStart, logEnd);
    }
}
