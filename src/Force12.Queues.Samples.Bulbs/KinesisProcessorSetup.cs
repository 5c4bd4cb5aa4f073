using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Consumer;
using Force12.Queues.Kinesis.Leases;

namespace Force12.Queues.Samples.Bulbs;

/// <summary>The checked settings of the Kinesis processor role.</summary>
internal sealed record KinesisProcessorSetup(
    KinesisClientOptions Client,
    KclLeaseTableOptions LeaseTable,
    KinesisConsumerOptions Consumer,
    TimeSpan WorkPerMessage,
    System.Net.EndPoint? StateCache,
    string? AuditDir);
