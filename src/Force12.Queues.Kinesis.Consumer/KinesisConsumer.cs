using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Leases;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Kinesis.Consumer;

/// <summary>
/// A KCL-compatible worker for .NET: shares a stream's shards with other workers (KCL or this class)
/// through the same DynamoDB lease table format, processes parents before children, checkpoints
/// each batch only after the handler returned, and gives its leases up when stopped (wire the
/// stopping token to SIGTERM, as the .NET generic host does).
/// </summary>
public sealed partial class KinesisConsumer : IDisposable
{
    private readonly KinesisClient _kinesis;
    private readonly KclLeaseTable _table;
    private readonly IKinesisRecordHandler _handler;
    private readonly KinesisConsumerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LeaseExpiryTracker _expiry = new();
    private readonly Dictionary<string, HeldLease> _held = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _killed = new();

    /// <summary>Creates a worker; nothing runs until <see cref="RunAsync"/>.</summary>
    public KinesisConsumer(KinesisClient kinesis, KclLeaseTable table, IKinesisRecordHandler handler,
        KinesisConsumerOptions options, TimeProvider timeProvider, ILogger<KinesisConsumer> logger)
    {
        _kinesis = kinesis ?? throw new ArgumentNullException(nameof(kinesis));
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid Kinesis consumer options: {string.Join("; ", errors)}", nameof(options));
        }

        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The shards this worker holds right now.</summary>
    public IReadOnlyCollection<string> HeldShards
    {
        get
        {
            lock (_held)
            {
                return _held.Values.Where(h => !h.Lost.IsCancellationRequested && !h.Finished).Select(h => h.Current.ShardId).ToArray();
            }
        }
    }

    /// <summary>
    /// Runs until <paramref name="stoppingToken"/> is cancelled, then lets each batch in hand finish
    /// (up to <see cref="KinesisConsumerOptions.ShutdownGrace"/>), checkpoints it and releases every lease.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var loop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _killed.Token);
        while (!loop.IsCancellationRequested)
        {
            try
            {
                await CoordinateAsync(loop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (loop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed round (table or stream briefly unreachable) is retried on the next tick; held
                // leases keep being worked and expire on their own if renewals keep failing.
                KinesisConsumerLog.CoordinationFailed(_logger, _options.WorkerId, e.Message);
            }

            try
            {
                await Task.Delay(_options.LeaseRefreshInterval, _time, loop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await ShutdownAsync(release: !_killed.IsCancellationRequested).ConfigureAwait(false);
    }

    /// <summary>Stops at once like a SIGKILL: no batch is finished, nothing is checkpointed, no lease is released (they expire). For failover tests.</summary>
    internal void Kill()
    {
        _killed.Cancel();
        lock (_held)
        {
            foreach (var held in _held.Values)
            {
                held.Lost.Cancel();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _killed.Dispose();
}
