namespace Force12.Queues.RabbitMQ.Lag;

/// <summary>The one call the collector needs from the RabbitMQ management HTTP API; the seam unit tests fake.</summary>
internal interface IRabbitMqManagementApi
{
    /// <summary>Reads one queue of the configured virtual host.</summary>
    /// <exception cref="RabbitMqManagementException">The broker is unreachable, refused the credentials, or has no such queue.</exception>
    Task<RabbitMqQueueStats> GetQueueAsync(string queue, CancellationToken cancellationToken);
}
