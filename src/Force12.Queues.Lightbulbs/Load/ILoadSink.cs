namespace Force12.Queues.Lightbulbs.Load;

/// <summary>
/// Where the load generator sends events: a Kafka topic today, a Kinesis stream later. Sends are
/// asynchronous: a send returns once the message is queued; the outcome arrives later and is counted in
/// <see cref="Counters"/>. Called from one sender.
/// </summary>
public interface ILoadSink : IAsyncDisposable
{
    /// <summary>The sink kind, for example <c>kafka</c>.</summary>
    string Kind { get; }

    /// <summary>Where events go, without secrets (for example <c>kafka 127.0.0.1:9092 topic bulbs</c>).</summary>
    string Description { get; }

    /// <summary>Outcomes so far.</summary>
    LoadSinkCounters Counters { get; }

    /// <summary>Queues one message; waits only while the sink's own buffer is full (back-pressure).</summary>
    /// <param name="sequence">The event's sequence number (reported to the acknowledgement observer).</param>
    /// <param name="key">Partition key (the bulb id).</param>
    /// <param name="value">The encoded event.</param>
    /// <param name="cancellationToken">Stops waiting for buffer space.</param>
    ValueTask SendAsync(long sequence, byte[] key, byte[] value, CancellationToken cancellationToken);

    /// <summary>Waits until every queued message is acknowledged or failed, or <paramref name="timeout"/> passes.</summary>
    /// <returns>True when nothing is left in flight.</returns>
    Task<bool> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
