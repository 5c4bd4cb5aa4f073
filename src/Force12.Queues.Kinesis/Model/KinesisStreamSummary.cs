namespace Force12.Queues.Kinesis.Model;

/// <summary>What DescribeStreamSummary says about a stream.</summary>
public sealed record KinesisStreamSummary
{
    /// <summary>The stream's name.</summary>
    public required string StreamName { get; init; }

    /// <summary>The stream's ARN.</summary>
    public required string StreamArn { get; init; }

    /// <summary>CREATING, DELETING, ACTIVE or UPDATING.</summary>
    public required string Status { get; init; }

    /// <summary>Number of open shards: the stream's useful parallelism.</summary>
    public required int OpenShardCount { get; init; }

    /// <summary>How long records are kept, in hours.</summary>
    public int RetentionPeriodHours { get; init; }

    /// <summary>When the stream was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
