using System.Numerics;

namespace Force12.Queues.Kinesis.Model;

/// <summary>One record to write with PutRecords.</summary>
/// <param name="PartitionKey">Decides the shard (MD5 of the key into the hash key space) unless <paramref name="ExplicitHashKey"/> is set.</param>
/// <param name="Data">The payload (at most 1 MiB).</param>
/// <param name="ExplicitHashKey">A hash key (0 .. 2^128 - 1) that picks the shard directly, or null.</param>
public sealed record PutRecordsEntry(string PartitionKey, ReadOnlyMemory<byte> Data, BigInteger? ExplicitHashKey = null);
