using Force12.Queues.Kinesis.Leases;

namespace Force12.Queues.Kinesis.Consumer;

/// <summary>Settings of a <see cref="KinesisConsumer"/> (a KCL-compatible worker).</summary>
public sealed record KinesisConsumerOptions
{
    /// <summary>The stream. Required.</summary>
    public required string StreamName { get; init; }

    /// <summary>This worker's id, written as <c>leaseOwner</c>; unique per process. Required.</summary>
    public required string WorkerId { get; init; }

    /// <summary>A lease whose counter has not moved for this long is expired and may be taken (KCL <c>failoverTimeMillis</c>). Default 10 s.</summary>
    public TimeSpan FailoverTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often held leases are renewed and the table is scanned for leases to take. Default 3 s (under a third of <see cref="FailoverTime"/>).</summary>
    public TimeSpan LeaseRefreshInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Wait after an empty GetRecords answer. Default 1 s.</summary>
    public TimeSpan IdleTimeBetweenReads { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Shortest gap between two reads of one shard: 200 ms keeps a worker at the shard's 5 reads per second. Default 200 ms.</summary>
    public TimeSpan MinTimeBetweenReads { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>GetRecords <c>Limit</c>. Default 1000.</summary>
    public int MaxRecordsPerRead { get; init; } = 1000;

    /// <summary>Where to start on a shard with no lease and no parent (KCL <c>initialPositionInStream</c>). Default TRIM_HORIZON.</summary>
    public KclCheckpointKind InitialPosition { get; init; } = KclCheckpointKind.TrimHorizon;

    /// <summary>On shutdown, how long the batch in hand may take to finish and be checkpointed before it is cancelled. Default 5 s.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Every problem with these options, each naming the field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(StreamName))
        {
            errors.Add("streamName: is required");
        }

        if (string.IsNullOrWhiteSpace(WorkerId))
        {
            errors.Add("workerId: is required");
        }

        if (FailoverTime <= TimeSpan.Zero || LeaseRefreshInterval <= TimeSpan.Zero || LeaseRefreshInterval * 2 > FailoverTime)
        {
            errors.Add($"leaseRefreshInterval: must be positive and at most half of failoverTime (was {LeaseRefreshInterval} with failoverTime {FailoverTime})");
        }

        if (MaxRecordsPerRead is < 1 or > 10_000)
        {
            errors.Add($"maxRecordsPerRead: must be between 1 and 10000 (was {MaxRecordsPerRead})");
        }

        if (InitialPosition is not (KclCheckpointKind.TrimHorizon or KclCheckpointKind.Latest))
        {
            errors.Add($"initialPosition: must be TrimHorizon or Latest (was {InitialPosition})");
        }

        return errors;
    }
}
