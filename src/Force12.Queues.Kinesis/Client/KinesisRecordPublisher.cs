using Force12.Queues.Kinesis.Model;

namespace Force12.Queues.Kinesis.Client;

/// <summary>
/// Writes records with PutRecords in batches of up to 500 (and 5 MiB), resending the entries that a
/// call reports as failed (throttled shards) with backoff, for load generators and producers.
/// Order is kept per call; entries resent after a partial failure land after the ones that succeeded.
/// </summary>
public sealed class KinesisRecordPublisher
{
    private const int MaxRecordsPerCall = 500;
    private const long MaxBytesPerCall = 5L * 1024 * 1024;
    private readonly KinesisClient _client;
    private readonly string _streamName;
    private readonly TimeProvider _timeProvider;
    private readonly int _maxAttempts;

    /// <summary>Creates a publisher for one stream; each entry is tried up to <paramref name="maxAttempts"/> times (default 5).</summary>
    public KinesisRecordPublisher(KinesisClient client, string streamName, TimeProvider timeProvider, int maxAttempts = 5)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        ArgumentException.ThrowIfNullOrWhiteSpace(streamName);
        _streamName = streamName;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        _maxAttempts = maxAttempts;
    }

    /// <summary>Writes every entry; returns how many were written and how many still failed after every attempt.</summary>
    public async Task<(int Written, int Failed, int Resent)> PublishAsync(IReadOnlyList<PutRecordsEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        int written = 0, failed = 0, resent = 0;
        foreach (var batch in Batches(entries))
        {
            var pending = batch;
            for (var attempt = 1; pending.Count > 0; attempt++)
            {
                var outcomes = await _client.PutRecordsAsync(_streamName, pending, cancellationToken).ConfigureAwait(false);
                var retry = pending.Where((_, i) => i >= outcomes.Count || !outcomes[i].Succeeded).ToArray();
                written += pending.Count - retry.Length;
                if (retry.Length == 0)
                {
                    break;
                }

                if (attempt >= _maxAttempts)
                {
                    failed += retry.Length;
                    break;
                }

                resent += retry.Length;
                pending = retry;
                await Task.Delay(RetryBackoff.Delay(attempt, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), 0.5), _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }

        return (written, failed, resent);
    }

    private static IEnumerable<IReadOnlyList<PutRecordsEntry>> Batches(IReadOnlyList<PutRecordsEntry> entries)
    {
        var batch = new List<PutRecordsEntry>(MaxRecordsPerCall);
        long bytes = 0;
        foreach (var entry in entries)
        {
            var size = entry.Data.Length + System.Text.Encoding.UTF8.GetByteCount(entry.PartitionKey);
            if (batch.Count == MaxRecordsPerCall || (batch.Count > 0 && bytes + size > MaxBytesPerCall))
            {
                yield return batch;
                batch = new List<PutRecordsEntry>(MaxRecordsPerCall);
                bytes = 0;
            }

            batch.Add(entry);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
