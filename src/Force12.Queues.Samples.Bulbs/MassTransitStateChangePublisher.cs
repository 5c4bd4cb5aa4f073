using Force12.Queues.Lightbulbs.Processing;
using MassTransit;

namespace Force12.Queues.Samples.Bulbs;

/// <summary>
/// Sends state changes straight to the downstream queue (not to a fan-out exchange), so they wait in the queue
/// even while the bulb-state stage has no pods; returns once RabbitMQ confirmed them (publisher confirms).
/// </summary>
internal sealed class MassTransitStateChangePublisher(ISendEndpointProvider endpoints, Uri queue) : IStateChangePublisher
{
    public async Task PublishAsync(IReadOnlyList<BulbStateChange> changes, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.GetSendEndpoint(queue).ConfigureAwait(false);
        await endpoint.SendBatch(changes, cancellationToken).ConfigureAwait(false);
    }
}
