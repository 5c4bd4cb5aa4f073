namespace Force12.Queues.Kinesis.Model;

/// <summary>One record to write with PutRecords.</summary>
/// <param name="PartitionKey">Decides the shard (MD5 of the key into the hash key space).</param>
/// <param name="Data">The payload (at most 1 MiB).</param>
public sealed record PutRecordsEntry(string PartitionKey, ReadOnlyMemory<byte> Data);
