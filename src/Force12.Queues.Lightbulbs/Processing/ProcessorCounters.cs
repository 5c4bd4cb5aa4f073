namespace Force12.Queues.Lightbulbs.Processing;

/// <summary>What a processor did so far; thread-safe reads.</summary>
public sealed class ProcessorCounters
{
    private long _processed;
    private long _committed;
    private long _batches;
    private long _poison;
    private long _abandoned;
    private long _commitFailures;

    /// <summary>Messages whose work finished.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Messages whose offsets were committed.</summary>
    public long Committed => Interlocked.Read(ref _committed);

    /// <summary>Batches completed.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Messages that were not lightbulb events (skipped and committed).</summary>
    public long Poison => Interlocked.Read(ref _poison);

    /// <summary>Messages fetched but left unfinished and uncommitted at stop.</summary>
    public long Abandoned => Interlocked.Read(ref _abandoned);

    /// <summary>Commits the broker refused (after a rebalance); those messages are redelivered.</summary>
    public long CommitFailures => Interlocked.Read(ref _commitFailures);

    internal void AddProcessed(long count) => Interlocked.Add(ref _processed, count);

    internal void AddCommitted(long count) => Interlocked.Add(ref _committed, count);

    internal void AddBatch() => Interlocked.Increment(ref _batches);

    internal void AddPoison() => Interlocked.Increment(ref _poison);

    internal void AddAbandoned(long count) => Interlocked.Add(ref _abandoned, count);

    internal void AddCommitFailure() => Interlocked.Increment(ref _commitFailures);
}
