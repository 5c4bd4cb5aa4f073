using System.Globalization;
using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Model;

namespace Force12.Queues.Lightbulbs.Load;

/// <summary>The sender: drains the buffer into PutRecords calls and counts each record's outcome.</summary>
public sealed partial class KinesisLoadSink
{
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
