using Amazon.Runtime;

namespace Force12.Queues.Kinesis.Leases;

/// <summary>Where a KCL lease table lives. Unset values follow AWSSDK.Core's region, endpoint and credential chains.</summary>
public sealed record KclLeaseTableOptions
{
    /// <summary>The table's name (KCL's application name unless configured otherwise). Required.</summary>
    public required string TableName { get; init; }

    /// <summary>Region system name. Default null: the SDK's fallback chain (us-east-1 with an explicit <see cref="ServiceUrl"/>).</summary>
    public string? Region { get; init; }

    /// <summary>Explicit endpoint, for example <c>http://127.0.0.1:4568</c> for dynalite. Default null: the regional endpoint.</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>Credentials. Default null: the SDK's default chain.</summary>
    public AWSCredentials? Credentials { get; init; }
}
