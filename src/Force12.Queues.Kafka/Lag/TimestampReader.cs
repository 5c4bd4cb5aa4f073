using Confluent.Kafka;

namespace Force12.Queues.Kafka.Lag;

/// <summary>
/// Reads the timestamp of the message at given offsets with one assign-only consumer: all positions
/// are assigned at once, so the fetches go out in bulk per broker. Never subscribes or commits.
/// </summary>
internal sealed class TimestampReader : IDisposable
{
    private readonly KafkaLagCollectorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private IConsumer<Ignore, Ignore>? _consumer;

    public TimestampReader(KafkaLagCollectorOptions options, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
    }

    public Task<IReadOnlyDictionary<TopicPartition, DateTimeOffset>> ReadAsync(
        IReadOnlyList<TopicPartitionOffset> positions, CancellationToken cancellationToken)
    {
        if (positions.Count == 0)
        {
            return Task.FromResult<IReadOnlyDictionary<TopicPartition, DateTimeOffset>>(new Dictionary<TopicPartition, DateTimeOffset>());
        }

        return Task.Run<IReadOnlyDictionary<TopicPartition, DateTimeOffset>>(() => Read(positions, cancellationToken), cancellationToken);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _consumer?.Dispose();
            _consumer = null;
        }
    }

    private Dictionary<TopicPartition, DateTimeOffset> Read(IReadOnlyList<TopicPartitionOffset> positions, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var consumer = _consumer ??= Create();
            var pending = positions.Select(p => p.TopicPartition).ToHashSet();
            var found = new Dictionary<TopicPartition, DateTimeOffset>();
            var started = _timeProvider.GetTimestamp();
            consumer.Assign(positions);
            try
            {
                while (pending.Count > 0 && _timeProvider.GetElapsedTime(started) < _options.RequestTimeout)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
                    if (record is null || !pending.Remove(record.TopicPartition) || record.IsPartitionEOF)
                    {
                        continue;
                    }

                    if (record.Message.Timestamp.Type != TimestampType.NotAvailable)
                    {
                        found[record.TopicPartition] = DateTimeOffset.FromUnixTimeMilliseconds(record.Message.Timestamp.UnixTimestampMs);
                    }

                    consumer.Pause([record.TopicPartition]);
                }
            }
            finally
            {
                consumer.Unassign();
            }

            return found;
        }
    }

    private IConsumer<Ignore, Ignore> Create()
    {
        var config = new ConsumerConfig(new Dictionary<string, string>(_options.ClientConfig))
        {
            BootstrapServers = _options.BootstrapServers,
            GroupId = "force12-timestamp-reader",
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            EnablePartitionEof = true,
            MaxPartitionFetchBytes = 64 * 1024,
            SocketTimeoutMs = (int)_options.RequestTimeout.TotalMilliseconds,
        };
        return new ConsumerBuilder<Ignore, Ignore>(config).SetLogHandler((_, _) => { }).Build();
    }
}
