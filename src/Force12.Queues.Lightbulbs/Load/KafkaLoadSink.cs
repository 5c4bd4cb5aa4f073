using Confluent.Kafka;

namespace Force12.Queues.Lightbulbs.Load;

/// <summary>
/// Produces to a Kafka topic with one Confluent.Kafka producer (acks=all by default). Delivery reports
/// arrive on librdkafka's thread and update <see cref="Counters"/>; an optional observer hears each
/// acknowledged sequence number (for the audit's record of what was produced).
/// </summary>
public sealed class KafkaLoadSink : ILoadSink
{
    private readonly IProducer<byte[], byte[]> _producer;
    private readonly string _topic;
    private readonly TimeProvider _time;
    private readonly Action<long>? _onAcknowledged;
    private readonly Action<DeliveryReport<byte[], byte[]>> _countOnly;

    /// <summary>Creates the producer (no connection is made until the first send).</summary>
    /// <param name="options">Where to produce.</param>
    /// <param name="time">Clock for back-pressure waits.</param>
    /// <param name="onAcknowledged">Called with each acknowledged sequence number, on librdkafka's delivery thread; null for none.</param>
    public KafkaLoadSink(KafkaLoadSinkOptions options, TimeProvider time, Action<long>? onAcknowledged = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _topic = options.Topic;
        _onAcknowledged = onAcknowledged;
        _countOnly = Count;
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            LingerMs = options.LingerMs,
            QueueBufferingMaxMessages = options.MaxQueuedMessages,
            Acks = Acks.All,
            EnableDeliveryReports = true,
            DeliveryReportFields = "none",
        };
        foreach (var (key, value) in options.ClientConfig)
        {
            config.Set(key, value);
        }

        _producer = new ProducerBuilder<byte[], byte[]>(config).Build();
        Description = $"kafka {options.BootstrapServers} topic {options.Topic}";
    }

    /// <inheritdoc />
    public string Kind => "kafka";

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public LoadSinkCounters Counters { get; } = new();

    /// <inheritdoc />
    public ValueTask SendAsync(long sequence, byte[] key, byte[] value, CancellationToken cancellationToken)
    {
        var message = new Message<byte[], byte[]> { Key = key, Value = value };
        var handler = _onAcknowledged is null ? _countOnly : report => Count(report, sequence);
        try
        {
            _producer.Produce(_topic, message, handler);
            return ValueTask.CompletedTask;
        }
        catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
        {
            return RetryWhileFullAsync(message, handler, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task<bool> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.Run(() => _producer.Flush(timeout) == 0, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _producer.Dispose();
        return ValueTask.CompletedTask;
    }

    private async ValueTask RetryWhileFullAsync(
        Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>> handler, CancellationToken cancellationToken)
    {
        // The producer's buffer is full: wait for deliveries to make room (back-pressure), then try again.
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), _time, cancellationToken).ConfigureAwait(false);
            try
            {
                _producer.Produce(_topic, message, handler);
                return;
            }
            catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                // still full
            }
        }
    }

    private void Count(DeliveryReport<byte[], byte[]> report) => Count(report, null);

    private void Count(DeliveryReport<byte[], byte[]> report, long? sequence)
    {
        if (report.Error.IsError)
        {
            Counters.Fail(report.Error.ToString());
            return;
        }

        Counters.Acknowledge();
        if (sequence is { } s)
        {
            _onAcknowledged?.Invoke(s);
        }
    }
}
