namespace Force12.Queues.Lightbulbs.Processing;

/// <summary>Hands processed state changes to the next stage (MassTransit over RabbitMQ in the sample pod).</summary>
public interface IStateChangePublisher
{
    /// <summary>Publishes the changes of one batch; returns once the broker confirmed them (they are then safe to commit).</summary>
    Task PublishAsync(IReadOnlyList<BulbStateChange> changes, CancellationToken cancellationToken);
}
