using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Lag;
using Force12.Queues.Kinesis.Leases;

namespace Force12.Queues.Kinesis.Configuration;

/// <summary>
/// A Kinesis source: the stream, the KCL application's lease table, and where both live. Used by
/// pipelines (<c>source: {kind: kinesis, ...}</c>) and by <c>force12 lag --source kinesis</c>.
/// </summary>
public sealed record KinesisSourceOptions
{
    /// <summary>The stream (<c>stream</c>). Required.</summary>
    public required string StreamName { get; init; }

    /// <summary>The KCL lease table (<c>leaseTable</c>), by default named after the KCL application. Required.</summary>
    public required string LeaseTable { get; init; }

    /// <summary>AWS region (<c>region</c>). Default null: AWSSDK.Core's fallback chain (AWS_REGION, profile, instance metadata).</summary>
    public string? Region { get; init; }

    /// <summary>Kinesis endpoint (<c>kinesisEndpoint</c>), for example kinesalite's <c>http://127.0.0.1:4567</c>. Default null: regional.</summary>
    public Uri? KinesisEndpoint { get; init; }

    /// <summary>DynamoDB endpoint (<c>dynamoDbEndpoint</c>), for example dynalite's <c>http://127.0.0.1:4568</c>. Default null: regional.</summary>
    public Uri? DynamoDbEndpoint { get; init; }

    /// <summary>Credentials. Default null: AWSSDK.Core's default chain. Never shown in descriptions.</summary>
    public Amazon.Runtime.AWSCredentials? Credentials { get; init; }

    /// <summary>Collector settings other than the stream (read budget, initial position, stall window).</summary>
    public KinesisLagCollectorOptions Collector { get; init; } = new() { StreamName = "" };

    /// <summary>The collector's Kinesis client options: one retry only, so that a throttled shard does not
    /// take more of the 5 reads per second its consumers need (the shard is then reported stale).</summary>
    public KinesisClientOptions ToClientOptions() => new() { Region = Region, ServiceUrl = KinesisEndpoint, Credentials = Credentials, MaxRetries = 1 };

    /// <summary>The lease table options these settings imply.</summary>
    public KclLeaseTableOptions ToLeaseTableOptions() => new() { TableName = LeaseTable, Region = Region, ServiceUrl = DynamoDbEndpoint, Credentials = Credentials };

    /// <summary>The collector options with the stream filled in.</summary>
    public KinesisLagCollectorOptions ToCollectorOptions() => Collector with { StreamName = StreamName };
}
