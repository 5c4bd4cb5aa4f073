using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Force12.Queues.Chaos;

/// <summary>
/// The RabbitMQ side of a chaos run. Declares what the processors' MassTransit send endpoint uses (a durable fanout
/// exchange named like the queue, bound to the durable queue) before any pod starts, so the agent can read the
/// queue's depth from the first poll, and binds a second "tap" queue to the same exchange: every state change a
/// processor sent and RabbitMQ accepted is also copied to the tap, which this class drains, keeping the sequence
/// numbers. That is the list of what was published, to compare with what the bulb-state stage audited.
/// Deletes the queues and the exchange on <see cref="DisposeAsync"/>.
/// </summary>
internal sealed class StateChangeTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;
    private readonly List<long> _sequences = [];
    private long _unreadable;

    private StateChangeTap(IConnection connection, IChannel channel, string queue)
    {
        (_connection, _channel, _queue) = (connection, channel, queue);
    }

    public string TapQueue => _queue + "-tap";

    /// <summary>Messages that carried no readable sequence number (should stay 0).</summary>
    public long Unreadable => Interlocked.Read(ref _unreadable);

    /// <summary>Every sequence number copied to the tap so far, one per message (a change sent twice shows twice).</summary>
    public long[] Published()
    {
        lock (_sequences)
        {
            return [.. _sequences];
        }
    }

    public static async Task<StateChangeTap> StartAsync(Uri rabbitUrl, string queue, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = rabbitUrl }.CreateConnectionAsync("force12-chaos-tap", cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var tap = new StateChangeTap(connection, channel, queue);
        await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, queue, routingKey: "", cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(tap.TapQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(tap.TapQueue, queue, routingKey: "", cancellationToken: cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            tap.Record(delivery.Body.Span);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(tap.TapQueue, autoAck: true, consumer, cancellationToken);
        return tap;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _channel.QueueDeleteAsync(TapQueue);
            await _channel.QueueDeleteAsync(_queue);
            await _channel.ExchangeDeleteAsync(_queue);
        }
        finally
        {
            await _channel.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }

    /// <summary>Reads <c>message.sequence</c> from a MassTransit JSON envelope.</summary>
    private void Record(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var envelope = JsonDocument.ParseValue(ref reader);
            if (envelope.RootElement.TryGetProperty("message", out var message) && message.TryGetProperty("sequence", out var sequence))
            {
                lock (_sequences)
                {
                    _sequences.Add(sequence.GetInt64());
                }

                return;
            }
        }
        catch (JsonException)
        {
            // Counted below.
        }

        Interlocked.Increment(ref _unreadable);
    }
}
