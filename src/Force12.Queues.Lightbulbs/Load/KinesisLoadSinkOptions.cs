using Amazon.Runtime;

namespace Force12.Queues.Lightbulbs.Load;

/// <summary>Where and how <see cref="KinesisLoadSink"/> writes; immutable.</summary>
public sealed record KinesisLoadSinkOptions
{
    /// <summary>The stream to write to. Required; it must exist.</summary>
    public required string StreamName { get; init; }

    /// <summary>AWS region, for example <c>eu-west-1</c>. Default null: AWSSDK.Core's region chain (<c>us-east-1</c> with an explicit endpoint).</summary>
    public string? Region { get; init; }

    /// <summary>Explicit endpoint, for example <c>http://127.0.0.1:4567</c> for kinesalite. Default null: the region's.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Credentials. Default null: AWSSDK.Core's default credential chain.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Events the sink may hold before <c>SendAsync</c> waits (back-pressure). Default 20,000.</summary>
    public int MaxBufferedRecords { get; init; } = 20_000;

    /// <summary>Attempts per record: a record PutRecords marks failed (a throttled shard) is sent again, alone with the
    /// other failed ones, after a backoff; after this many attempts it counts as failed. Default 10.</summary>
    public int MaxAttemptsPerRecord { get; init; } = 10;
}
