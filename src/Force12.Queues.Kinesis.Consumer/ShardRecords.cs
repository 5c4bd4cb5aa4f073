using Force12.Queues.Kinesis.Model;

namespace Force12.Queues.Kinesis.Consumer;

/// <summary>A batch of records from one shard, in sequence order, handed to an <see cref="IKinesisRecordHandler"/>.</summary>
/// <param name="ShardId">The shard.</param>
/// <param name="Records">The records (at least one).</param>
public sealed record ShardRecords(string ShardId, IReadOnlyList<KinesisRecord> Records);
