namespace Force12.Queues.Lightbulbs.Audit;

/// <summary>What an audit found: every expected event is either processed or lost.</summary>
public sealed record AuditReport
{
    /// <summary>Distinct sequence numbers that should have been processed.</summary>
    public required long Expected { get; init; }

    /// <summary>Distinct expected sequence numbers that were processed at least once.</summary>
    public required long Processed { get; init; }

    /// <summary>Expected sequence numbers never processed.</summary>
    public long Lost => Expected - Processed;

    /// <summary>Extra processings: records beyond the first for the same sequence number.</summary>
    public required long Duplicates { get; init; }

    /// <summary>Distinct processed sequence numbers that were not expected (from another run, or corrupt).</summary>
    public required long Unexpected { get; init; }

    /// <summary>Up to 20 lost sequence numbers, smallest first, to start an investigation.</summary>
    public required IReadOnlyList<long> LostSample { get; init; }

    /// <summary>Bytes at the end of audit files that do not form a whole record (a write torn by a crash).</summary>
    public required long TornBytes { get; init; }

    /// <summary>Audit files read.</summary>
    public required int Files { get; init; }
}
