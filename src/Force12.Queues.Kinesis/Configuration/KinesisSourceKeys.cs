using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Kinesis.Configuration;

/// <summary>The keys of a <c>source</c> section of kind <c>kinesis</c>, written once for the provider and the schema test.</summary>
public static class KinesisSourceKeys
{
    /// <summary><c>stream</c>: the stream name. Required.</summary>
    public const string Stream = "stream";

    /// <summary><c>leaseTable</c>: the KCL application's DynamoDB lease table. Required.</summary>
    public const string LeaseTable = "leaseTable";

    /// <summary><c>region</c>: AWS region.</summary>
    public const string Region = "region";

    /// <summary><c>kinesisEndpoint</c>: Kinesis endpoint URL.</summary>
    public const string KinesisEndpoint = "kinesisEndpoint";

    /// <summary><c>dynamoDbEndpoint</c>: DynamoDB endpoint URL.</summary>
    public const string DynamoDbEndpoint = "dynamoDbEndpoint";

    /// <summary><c>initialPosition</c>: <c>trimHorizon</c> (default) or <c>latest</c>.</summary>
    public const string InitialPosition = "initialPosition";

    /// <summary><c>maxReadsPerShardPerPoll</c>: 1 to 5.</summary>
    public const string MaxReadsPerShardPerPoll = "maxReadsPerShardPerPoll";

    /// <summary><c>recordsPerRead</c>: 1 to 10000.</summary>
    public const string RecordsPerRead = "recordsPerRead";

    /// <summary><c>maxConcurrentShards</c>: 1 to 256.</summary>
    public const string MaxConcurrentShards = "maxConcurrentShards";

    /// <summary><c>stallAfter</c>: stall window.</summary>
    public const string StallAfter = "stallAfter";

    /// <summary>Every key a <c>kinesis</c> source accepts, <c>kind</c> included.</summary>
    public static IReadOnlyList<string> All { get; } =
        [SourceKeys.Kind, Stream, LeaseTable, Region, KinesisEndpoint, DynamoDbEndpoint, InitialPosition, MaxReadsPerShardPerPoll, RecordsPerRead, MaxConcurrentShards, StallAfter];
}
