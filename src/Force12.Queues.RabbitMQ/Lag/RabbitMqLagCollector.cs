using Force12.Queues.Core.Lag;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.RabbitMQ.Lag;

/// <summary>
/// Backlog of RabbitMQ queues from the management HTTP API: one lag unit per queue, lag = ready + unacknowledged,
/// arrival and processing rates = the broker's publish and deliver rates, and an estimated age of the oldest
/// message = depth / deliver rate (RabbitMQ does not expose message ages). The broker refreshes these
/// statistics every <c>collect_statistics_interval</c> (5 s by default), so depth can be that old.
/// </summary>
public sealed class RabbitMqLagCollector : ILagCollector, IDisposable
{
    private readonly RabbitMqLagCollectorOptions _options;
    private readonly IRabbitMqManagementApi _api;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, QueueHistory> _history = new(StringComparer.Ordinal);

    /// <summary>Creates a collector over the real management API.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public RabbitMqLagCollector(RabbitMqLagCollectorOptions options, TimeProvider time, ILogger<RabbitMqLagCollector> logger)
        : this(Validated(options), new RabbitMqManagementApi(options), time, logger)
    {
    }

    /// <summary>Creates a collector on options that were validated already (by the public constructor or the source provider).</summary>
    internal RabbitMqLagCollector(RabbitMqLagCollectorOptions options, IRabbitMqManagementApi api, TimeProvider time, ILogger logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _api = api ?? throw new ArgumentNullException(nameof(api));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    public string Kind => RabbitMqLagSourceProvider.SourceKind;

    /// <inheritdoc />
    public async Task<LagCollectionResult> CollectAsync(CancellationToken cancellationToken)
    {
        var reads = _options.Queues.Select(q => ReadAsync(q, cancellationToken)).ToArray();
        var results = await Task.WhenAll(reads).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var failures = results.Where(r => r.Error is not null).ToArray();
        if (failures.Length > 0)
        {
            var error = Error(failures, results.Length, now);
            RabbitMqLagCollectorLog.CollectionFailed(_logger, error.Kind, error.Message);
            return LagCollectionResult.Failure(error);
        }

        var units = results.Select(r => Unit(r.Queue, r.Stats!, now)).OrderBy(u => u.Id).ToArray();
        return LagCollectionResult.Success(new LagSnapshot
        {
            SourceKind = Kind,
            Cluster = _options.ManagementUrl.ToString(),
            Group = _options.VirtualHost,
            ObservedAt = now,
            Units = units,
            Totals = LagTotals.Sum(units),
            UnitsCapParallelism = false, // competing consumers: any number of pods can drain one queue
        });
    }

    /// <inheritdoc />
    public void Dispose() => (_api as IDisposable)?.Dispose();

    private async Task<QueueRead> ReadAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            return new QueueRead(queue, await _api.GetQueueAsync(queue, cancellationToken).ConfigureAwait(false), null);
        }
        catch (RabbitMqManagementException e)
        {
            return new QueueRead(queue, null, e);
        }
    }

    private LagUnitSnapshot Unit(string queue, RabbitMqQueueStats stats, DateTimeOffset now)
    {
        var lag = Math.Max(0, stats.Ready) + Math.Max(0, stats.Unacknowledged);
        var history = _history.TryGetValue(queue, out var h) ? h : new QueueHistory(stats.Delivered, now, lag);
        if (stats.Delivered != history.Delivered)
        {
            history = new QueueHistory(stats.Delivered, now, lag);
        }

        _history[queue] = history;
        var arrival = NonNegative(stats.PublishRate);
        var processing = NonNegative(stats.DeliverRate);
        var (seconds, method) = lag == 0
            ? (0d, TimeLagMethod.NothingWaiting)
            : processing is > 0 and var rate ? (lag / rate, TimeLagMethod.Estimated) : ((double?)null, TimeLagMethod.None);
        return new LagUnitSnapshot
        {
            Id = new LagUnitId(queue, string.Empty),
            Lag = lag,
            LagSeconds = seconds,
            LagSecondsMethod = method,
            ArrivalRate = arrival,
            ProcessingRate = processing,
            Status = LagStatusRules.Classify(
                hasCommit: true, lag, now - history.Since, history.LagWhenMoved, _options.StallAfter),
        };
    }

    private LagError Error(QueueRead[] failures, int queues, DateTimeOffset now)
    {
        var kinds = failures.Select(f => f.Error!.Kind).Distinct().ToArray();
        var kind = failures.Length == queues && kinds.Length == 1 ? kinds[0]
            : kinds.Contains(LagErrorKind.StreamNotFound) ? LagErrorKind.StreamNotFound
            : LagErrorKind.PartialFailure;
        return Failure(kind, string.Join("; ", failures.Select(f => f.Error!.Message))) with { ObservedAt = now };
    }

    /// <inheritdoc />
    public LagError Failure(LagErrorKind kind, string message) => new()
    {
        SourceKind = Kind,
        Cluster = _options.ManagementUrl.ToString(),
        Group = _options.VirtualHost,
        Kind = kind,
        Message = message,
        ObservedAt = _time.GetUtcNow(),
    };

    private static double? NonNegative(double? rate) => rate is { } r && double.IsFinite(r) ? Math.Max(0, r) : null;

    private static RabbitMqLagCollectorOptions Validated(RabbitMqLagCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? options : throw new ArgumentException(string.Join("; ", errors), nameof(options));
    }

    private sealed record QueueRead(string Queue, RabbitMqQueueStats? Stats, RabbitMqManagementException? Error);

    /// <summary>When the queue's delivered count last moved, and the depth then (for the stall rule).</summary>
    private sealed record QueueHistory(long? Delivered, DateTimeOffset Since, long LagWhenMoved);
}
