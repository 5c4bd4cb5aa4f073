namespace Force12.Queues.Lightbulbs.Processing;

/// <summary>How a <see cref="BulbProcessor"/> consumes; immutable.</summary>
public sealed record BulbProcessorOptions
{
    /// <summary>Comma-separated <c>host:port</c> list. Required.</summary>
    public required string BootstrapServers { get; init; }

    /// <summary>Topic of lightbulb events. Required.</summary>
    public required string Topic { get; init; }

    /// <summary>Consumer group. Default <c>bulbs</c>.</summary>
    public string GroupId { get; init; } = "bulbs";

    /// <summary>Simulated work per message (one message at a time, so one pod does at most 1 / this per second). Default 1 ms; 0 for none.</summary>
    public TimeSpan WorkPerMessage { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Most messages processed between two commits. Default 100.</summary>
    public int MaxBatch { get; init; } = 100;

    /// <summary>How long one fetch waits for the first message of a batch. Default 100 ms.</summary>
    public TimeSpan PollTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>What happens to the batch in hand on stop. Default <see cref="StopMode.Finish"/>.</summary>
    public StopMode StopMode { get; init; } = StopMode.Finish;

    /// <summary>
    /// Consumer-group protocol. <see cref="Confluent.Kafka.GroupProtocol.Consumer"/> (default; KIP-848, brokers from Kafka 4.0
    /// and the embedded cluster) moves partitions incrementally: members keep consuming the partitions they keep while
    /// one joins or leaves, and the brokers own the session timeout and heartbeat. <see cref="Confluent.Kafka.GroupProtocol.Classic"/>
    /// (older brokers) stops every member for a rebalance and uses <see cref="SessionTimeout"/>.
    /// </summary>
    public Confluent.Kafka.GroupProtocol GroupProtocol { get; init; } = Confluent.Kafka.GroupProtocol.Consumer;

    /// <summary>Kafka session timeout on the classic protocol: how soon the group gives a killed consumer's partitions to the others. Default 6 s.</summary>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Extra librdkafka consumer properties, applied last. Default none.</summary>
    public IReadOnlyDictionary<string, string> ClientConfig { get; init; } = new Dictionary<string, string>();

    /// <summary>Every problem, each naming the field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            errors.Add($"{nameof(BootstrapServers)} is required (host:port[,host:port...]).");
        }

        if (string.IsNullOrWhiteSpace(Topic))
        {
            errors.Add($"{nameof(Topic)} is required.");
        }

        if (string.IsNullOrWhiteSpace(GroupId))
        {
            errors.Add($"{nameof(GroupId)} is required.");
        }

        if (WorkPerMessage < TimeSpan.Zero)
        {
            errors.Add($"{nameof(WorkPerMessage)} must be 0 or more, was {WorkPerMessage}.");
        }

        if (MaxBatch < 1)
        {
            errors.Add($"{nameof(MaxBatch)} must be at least 1, was {MaxBatch}.");
        }

        if (PollTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(PollTimeout)} must be positive, was {PollTimeout}.");
        }

        if (SessionTimeout < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{nameof(SessionTimeout)} must be at least 1 s, was {SessionTimeout}.");
        }

        return errors;
    }
}
