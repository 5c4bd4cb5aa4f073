namespace Force12.Queues.Kinesis.Consumer;

/// <summary>
/// Processes records for a <see cref="KinesisConsumer"/>. The consumer checkpoints a batch only after
/// <see cref="HandleAsync"/> returned: a batch whose handling threw or was cancelled is delivered
/// again (at least once; duplicates are possible after a failover, so make processing idempotent).
/// </summary>
public interface IKinesisRecordHandler
{
    /// <summary>Processes one batch; cancelled when the lease is lost or the worker stops.</summary>
    Task HandleAsync(ShardRecords batch, CancellationToken cancellationToken);
}
