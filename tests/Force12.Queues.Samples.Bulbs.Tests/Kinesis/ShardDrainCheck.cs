using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Kinesis.Model;
using Force12.Queues.Testing.Kinesis;

namespace Force12.Queues.Samples.Bulbs.Tests.Kinesis;

/// <summary>Whether every shard's lease is checkpointed at the shard's last record (nothing left after the checkpoint).</summary>
internal sealed class ShardDrainCheck(TemporaryStream stream, KclLeaseTable table)
{
    private string _last = "not checked yet";

    public string Describe() => _last;

    public async Task<bool> AllCheckpointedAsync(CancellationToken cancellationToken)
    {
        var shards = await stream.Client.ListShardsAsync(stream.Name, cancellationToken);
        var leases = (await table.ListAsync(cancellationToken)).Where(l => l.Key.BelongsTo(stream.Name)).ToDictionary(l => l.ShardId);
        var behind = new List<string>();
        foreach (var shard in shards)
        {
            if (!leases.TryGetValue(shard.ShardId, out var lease) || lease.Checkpoint is not { } checkpoint)
            {
                behind.Add($"{shard.ShardId}: no lease");
                continue;
            }

            if (checkpoint.Kind == KclCheckpointKind.ShardEnd)
            {
                continue;
            }

            var iterator = checkpoint.Kind == KclCheckpointKind.SequenceNumber
                ? await stream.Client.GetShardIteratorAsync(stream.Name, shard.ShardId, ShardIteratorType.AfterSequenceNumber, checkpoint.SequenceNumber, cancellationToken: cancellationToken)
                : await stream.Client.GetShardIteratorAsync(stream.Name, shard.ShardId, ShardIteratorType.TrimHorizon, cancellationToken: cancellationToken);
            var next = await stream.Client.GetRecordsAsync(iterator, 1, cancellationToken);
            if (next.Records.Count > 0)
            {
                behind.Add($"{shard.ShardId}: checkpoint {checkpoint} (owner {lease.Owner ?? "none"})");
            }
        }

        _last = behind.Count == 0 ? "every shard checkpointed at its tip" : "behind: " + string.Join("; ", behind);
        return behind.Count == 0;
    }
}
