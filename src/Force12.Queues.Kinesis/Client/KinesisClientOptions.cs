using Amazon.Runtime;

namespace Force12.Queues.Kinesis.Client;

/// <summary>
/// Where and how a <see cref="KinesisClient"/> talks to Kinesis. Region, endpoint and credentials
/// follow AWSSDK.Core's rules when not set: the region from <c>AWS_REGION</c> / the profile / instance
/// metadata, the endpoint from the region's partition, credentials from the default chain
/// (environment, profile, web identity, container and instance roles).
/// </summary>
public sealed record KinesisClientOptions
{
    /// <summary>Default number of retries after a throttled or transient failure (so up to 5 attempts).</summary>
    public const int DefaultMaxRetries = 4;

    /// <summary>Region system name, for example <c>eu-west-1</c>. Default null: AWSSDK.Core's fallback region chain,
    /// or <c>us-east-1</c> when only <see cref="ServiceUrl"/> is set (local emulators).</summary>
    public string? Region { get; init; }

    /// <summary>Explicit endpoint, for example <c>http://127.0.0.1:4567</c> for kinesalite. Default null: the
    /// regional endpoint (<c>https://kinesis.{region}.amazonaws.com</c>).</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>Credentials. Default null: AWSSDK.Core's default credential chain, resolved on first use.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Retries after throttling (<c>ProvisionedThroughputExceededException</c>, <c>LimitExceededException</c>),
    /// HTTP 5xx and network failures; 0 disables retries. Default <see cref="DefaultMaxRetries"/>.</summary>
    public int MaxRetries { get; init; } = DefaultMaxRetries;

    /// <summary>Backoff before the first retry; doubles per retry up to <see cref="MaxBackoff"/>. Default 100 ms.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest backoff between two attempts. Default 5 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time limit of one HTTP attempt. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Source of jitter in [0, 1) applied to each backoff ("equal jitter": half fixed, half random).
    /// Default null: no randomness (always the midpoint), so that behaviour is reproducible; the composition
    /// root may pass <c>Random.Shared.NextDouble</c>.</summary>
    public Func<double>? Jitter { get; init; }
}
