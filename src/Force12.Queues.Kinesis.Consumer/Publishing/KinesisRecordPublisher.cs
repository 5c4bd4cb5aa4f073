using Force12.Queues.Aws;
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
    private readonly Func<double>? _jitter;

    /// <summary>Creates a publisher for one stream; each entry is tried up to <paramref name="maxAttempts"/> times (default 5).</summary>
    /// <param name="client">The client (its own retries cover whole calls that fail).</param>
    /// <param name="streamName">The stream written to.</param>
    /// <param name="timeProvider">Clock of the backoff waits.</param>
    /// <param name="maxAttempts">Attempts per entry, at least 1. Default 5.</param>
    /// <param name="jitter">Source of jitter in [0, 1) for the backoff between attempts. Default null: none (the midpoint).</param>
    public KinesisRecordPublisher(KinesisClient client, string streamName, TimeProvider timeProvider, int maxAttempts = 5, Func<double>? jitter = null)
    {
        _jitter = jitter;
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
        var (outcomes, resent) = await PublishCoreAsync(entries, cancellationToken).ConfigureAwait(false);
        var written = outcomes.Count(o => o.Succeeded);
        return (written, outcomes.Length - written, resent);
    }

    /// <summary>
    /// Writes every entry and returns the final outcome of each, in the order of <paramref name="entries"/>:
    /// where it landed, or the error code of its last attempt. Only the entries a call marks failed are sent
    /// again, after a backoff (100 ms doubling up to 2 s, with jitter) so a throttled shard can recover.
    /// </summary>
    /// <exception cref="KinesisException">A whole call failed after the client's own retries (stream missing,
    /// credentials refused, throttled or unreachable throughout); entries of earlier batches were written.</exception>
    public async Task<IReadOnlyList<PutRecordsOutcome>> PublishEachAsync(IReadOnlyList<PutRecordsEntry> entries, CancellationToken cancellationToken = default) =>
        (await PublishCoreAsync(entries, cancellationToken).ConfigureAwait(false)).Outcomes;

    private async Task<(PutRecordsOutcome[] Outcomes, int Resent)> PublishCoreAsync(IReadOnlyList<PutRecordsEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var results = new PutRecordsOutcome[entries.Count];
        var resent = 0;
        var start = 0;
        foreach (var batch in Batches(entries))
        {
            var pending = Enumerable.Range(start, batch.Count).ToArray();
            start += batch.Count;
            for (var attempt = 1; pending.Length > 0; attempt++)
            {
                var outcomes = await _client.PutRecordsAsync(_streamName, pending.Select(i => entries[i]).ToArray(), cancellationToken).ConfigureAwait(false);
                var retry = new List<int>();
                for (var k = 0; k < pending.Length; k++)
                {
                    var outcome = k < outcomes.Count ? outcomes[k] : new PutRecordsOutcome { ErrorCode = "MissingFromAnswer" };
                    results[pending[k]] = outcome;
                    if (!outcome.Succeeded)
                    {
                        retry.Add(pending[k]);
                    }
                }

                if (retry.Count == 0 || attempt >= _maxAttempts)
                {
                    break;
                }

                resent += retry.Count;
                pending = [.. retry];
                await Task.Delay(RetryBackoff.Delay(attempt, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), _jitter?.Invoke() ?? 0.5), _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }

        return (results, resent);
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
