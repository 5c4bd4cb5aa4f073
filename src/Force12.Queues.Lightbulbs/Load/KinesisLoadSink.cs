using System.Globalization;
using System.Threading.Channels;
using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Model;

namespace Force12.Queues.Lightbulbs.Load;

/// <summary>
/// Writes to a Kinesis stream with PutRecords through a <see cref="KinesisRecordPublisher"/>: events queue in a
/// bounded buffer and one sender writes whatever is queued in calls of at most 500 records and 5 MiB, resending
/// only the records a call marks failed, with backoff. The partition key is the bulb id, so a bulb's events go
/// to one shard; with one call in flight they keep their order there, except that records resent after a
/// partial failure land after the ones that succeeded. An optional observer hears each written sequence number.
/// </summary>
public sealed class KinesisLoadSink : ILoadSink
{
    private const int MaxRecordsPerCall = 500;
    private const long MaxBytesPerCall = 5L * 1024 * 1024;
    private readonly Channel<(long Sequence, PutRecordsEntry Entry)> _queue;
    private readonly KinesisClient _client;
    private readonly KinesisRecordPublisher _publisher;
    private readonly TimeProvider _time;
    private readonly Action<long>? _onAcknowledged;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sender;
    private long _pending;

    /// <summary>Creates the client and starts the sender (no call is made until the first event).</summary>
    /// <param name="options">Where to write.</param>
    /// <param name="time">Clock for backoff and flush waits.</param>
    /// <param name="onAcknowledged">Called with each written sequence number, on the sender's thread; null for none.</param>
    public KinesisLoadSink(KinesisLoadSinkOptions options, TimeProvider time, Action<long>? onAcknowledged = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBufferedRecords, 1);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _onAcknowledged = onAcknowledged;
        _client = new KinesisClient(new KinesisClientOptions
        {
            Region = options.Region,
            ServiceUrl = options.Endpoint,
            Credentials = options.Credentials,
        }, time);
        _publisher = new KinesisRecordPublisher(_client, options.StreamName, time, options.MaxAttemptsPerRecord);
        _queue = Channel.CreateBounded<(long, PutRecordsEntry)>(new BoundedChannelOptions(options.MaxBufferedRecords)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Description = $"kinesis {_client.Endpoint} stream {options.StreamName}";
        _sender = Task.Run(SendLoopAsync);
    }

    /// <inheritdoc />
    public string Kind => "kinesis";

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public LoadSinkCounters Counters { get; } = new();

    /// <inheritdoc />
    public ValueTask SendAsync(long sequence, byte[] key, byte[] value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entry = new PutRecordsEntry(System.Text.Encoding.ASCII.GetString(key), value);
        Interlocked.Increment(ref _pending);
        if (_queue.Writer.TryWrite((sequence, entry)))
        {
            return ValueTask.CompletedTask;
        }

        return WaitForRoomAsync(sequence, entry, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (Interlocked.Read(ref _pending) > 0)
        {
            if (_time.GetElapsedTime(started) >= timeout || _sender.IsCompleted)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), _time, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _sender.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopped while a call was in flight
        }

        _stop.Dispose();
        _client.Dispose();
    }

    private async ValueTask WaitForRoomAsync(long sequence, PutRecordsEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync((sequence, entry), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _pending);
            throw;
        }
    }

    private async Task SendLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<(long Sequence, PutRecordsEntry Entry)>(MaxRecordsPerCall);
        while (await reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
        {
            batch.Clear();
            long bytes = 0;
            while (batch.Count < MaxRecordsPerCall && reader.TryPeek(out var next)
                && (batch.Count == 0 || bytes + Size(next.Entry) <= MaxBytesPerCall))
            {
                _ = reader.TryRead(out next);
                batch.Add(next);
                bytes += Size(next.Entry);
            }

            await WriteAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(List<(long Sequence, PutRecordsEntry Entry)> batch)
    {
        try
        {
            var outcomes = await _publisher.PublishEachAsync(batch.Select(b => b.Entry).ToArray(), _stop.Token).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                if (outcomes[i].Succeeded)
                {
                    Counters.Acknowledge();
                    _onAcknowledged?.Invoke(batch[i].Sequence);
                }
                else
                {
                    Counters.Fail(string.Create(CultureInfo.InvariantCulture, $"event {batch[i].Sequence}: {outcomes[i].ErrorCode} after every attempt"));
                }
            }
        }
        catch (KinesisException e)
        {
            FailAll(batch, $"{e.Kind}: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            FailAll(batch, e.Message); // keep sending later events: one bad call must not stall the generator
        }
        finally
        {
            Interlocked.Add(ref _pending, -batch.Count);
        }
    }

    private void FailAll(List<(long Sequence, PutRecordsEntry Entry)> batch, string reason)
    {
        foreach (var _ in batch)
        {
            Counters.Fail(reason);
        }
    }

    private static long Size(PutRecordsEntry entry) => entry.Data.Length + entry.PartitionKey.Length;
}
