namespace Force12.Queues.Lightbulbs.Load;

/// <summary>Where and how <see cref="KafkaLoadSink"/> produces; immutable.</summary>
public sealed record KafkaLoadSinkOptions
{
    /// <summary>Comma-separated <c>host:port</c> list. Required.</summary>
    public required string BootstrapServers { get; init; }

    /// <summary>Topic to produce to. Required; it must exist (or the broker must auto-create it).</summary>
    public required string Topic { get; init; }

    /// <summary>Time the producer waits to fill a batch, in milliseconds (<c>linger.ms</c>). Default 5.</summary>
    public double LingerMs { get; init; } = 5;

    /// <summary>Messages the producer may hold before <c>SendAsync</c> waits (<c>queue.buffering.max.messages</c>). Default 500,000.</summary>
    public int MaxQueuedMessages { get; init; } = 500_000;

    /// <summary>Extra librdkafka properties (security, compression, acks ...), applied last. Default none.</summary>
    public IReadOnlyDictionary<string, string> ClientConfig { get; init; } = new Dictionary<string, string>();
}
