namespace Force12.Queues.RabbitMQ.Lag;

/// <summary>What the management API says about one queue (its statistics refresh every few seconds on the broker).</summary>
/// <param name="Ready">Messages ready for delivery.</param>
/// <param name="Unacknowledged">Messages delivered and not yet acknowledged.</param>
/// <param name="Consumers">Consumers attached.</param>
/// <param name="Published">Messages published to the queue since it was created, or null when the broker has no count yet.</param>
/// <param name="Delivered">Messages delivered (deliver + get) since the queue was created, or null.</param>
/// <param name="PublishRate">The broker's own publish rate in messages per second, or null.</param>
/// <param name="DeliverRate">The broker's own deliver rate in messages per second, or null.</param>
internal sealed record RabbitMqQueueStats(
    long Ready,
    long Unacknowledged,
    int Consumers,
    long? Published,
    long? Delivered,
    double? PublishRate,
    double? DeliverRate);
