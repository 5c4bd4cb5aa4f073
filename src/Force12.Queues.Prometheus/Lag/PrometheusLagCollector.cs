using Force12.Queues.Core.Lag;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Prometheus.Lag;

/// <summary>
/// Demand from Prometheus: one lag unit whose arrival rate is the <c>demandQuery</c>'s value and whose backlog is the
/// <c>backlogQuery</c>'s (0 without one). No processing rate is reported, so the policy learns nothing over it and
/// sizes the pipeline with the source's <c>perPodRate</c> (<see cref="PrometheusLagSource.PerPodThroughput"/>) in its SLA
/// rule: pods = ceil((backlog / SLA + demand) / perPodRate). Any failed or unreadable query fails the whole collection:
/// half an answer (a demand without its backlog) would understate the need.
/// </summary>
public sealed class PrometheusLagCollector : ILagCollector, IDisposable
{
    /// <summary>The stream name of the one unit this collector reports.</summary>
    public const string DemandUnit = "demand";

    private readonly PrometheusSourceOptions _options;
    private readonly IPrometheusQueryApi _api;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a collector on options that were validated already (by the source provider).</summary>
    internal PrometheusLagCollector(PrometheusSourceOptions options, IPrometheusQueryApi api, TimeProvider time, ILogger logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _api = api ?? throw new ArgumentNullException(nameof(api));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    public string Kind => PrometheusLagSourceProvider.SourceKind;

    /// <inheritdoc />
    public async Task<LagCollectionResult> CollectAsync(CancellationToken cancellationToken)
    {
        var demandRead = ReadAsync(_options.DemandQuery, cancellationToken);
        var backlogRead = _options.BacklogQuery is { } backlogQuery ? ReadAsync(backlogQuery, cancellationToken) : Task.FromResult(new QueryRead(0, null));
        var (demand, backlog) = (await demandRead.ConfigureAwait(false), await backlogRead.ConfigureAwait(false));
        var failures = new[] { demand.Error, backlog.Error }.OfType<PrometheusQueryException>().ToArray();
        if (failures.Length > 0)
        {
            var kinds = failures.Select(f => f.Kind).Distinct().ToArray();
            var error = Failure(kinds.Length == 1 ? kinds[0] : LagErrorKind.Other, string.Join("; ", failures.Select(f => f.Message)));
            PrometheusLagCollectorLog.CollectionFailed(_logger, error.Kind, error.Message);
            return LagCollectionResult.Failure(error);
        }

        var now = _time.GetUtcNow();
        // Messages are whole: a fractional backlog (an average over series) rounds up; beyond long's range it saturates.
        var lag = backlog.Value >= long.MaxValue ? long.MaxValue : (long)Math.Ceiling(backlog.Value);
        var unit = new LagUnitSnapshot
        {
            Id = new LagUnitId(DemandUnit, string.Empty),
            Lag = lag,
            LagSeconds = lag == 0 ? 0 : null,
            LagSecondsMethod = lag == 0 ? TimeLagMethod.NothingWaiting : TimeLagMethod.None,
            ArrivalRate = demand.Value,
            Status = lag == 0 ? LagUnitStatus.CaughtUp : LagUnitStatus.Ok,
        };
        return LagCollectionResult.Success(new LagSnapshot
        {
            SourceKind = Kind,
            Cluster = _options.Url.ToString(),
            Group = _options.DemandQuery,
            ObservedAt = now,
            Units = [unit],
            Totals = LagTotals.Sum([unit]),
            UnitsCapParallelism = false, // a request rate is shared by any number of pods
        });
    }

    /// <inheritdoc />
    public LagError Failure(LagErrorKind kind, string message) => new()
    {
        SourceKind = Kind,
        Cluster = _options.Url.ToString(),
        Group = _options.DemandQuery,
        Kind = kind,
        Message = message,
        ObservedAt = _time.GetUtcNow(),
    };

    /// <inheritdoc />
    public void Dispose() => (_api as IDisposable)?.Dispose();

    private async Task<QueryRead> ReadAsync(string query, CancellationToken cancellationToken)
    {
        try
        {
            return new QueryRead(await _api.QueryAsync(query, cancellationToken).ConfigureAwait(false), null);
        }
        catch (PrometheusQueryException e)
        {
            return new QueryRead(0, e);
        }
    }

    private sealed record QueryRead(double Value, PrometheusQueryException? Error);
}
