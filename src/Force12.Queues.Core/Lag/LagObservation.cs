namespace Force12.Queues.Core.Lag;

/// <summary>Raw positions of one unit as read from the source in one collection.</summary>
/// <param name="Id">The unit.</param>
/// <param name="LogStartOffset">First retained offset.</param>
/// <param name="LogEndOffset">Offset the next message will get.</param>
/// <param name="CommittedOffset">The group's committed offset, or null when none.</param>
/// <param name="OldestUnprocessedTimestamp">The timestamp of the message at the next offset to process
/// when it was read (exact time lag), else null.</param>
public sealed record LagObservation(
    LagUnitId Id,
    long LogStartOffset,
    long LogEndOffset,
    long? CommittedOffset,
    DateTimeOffset? OldestUnprocessedTimestamp = null);
