using Force12.Queues.Core.Lag;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Prometheus.Lag;

/// <summary>A pipeline's validated <c>prometheus</c> source.</summary>
public sealed class PrometheusLagSource : ILagSource
{
    /// <summary>Wraps validated options.</summary>
    public PrometheusLagSource(PrometheusSourceOptions options) => Options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The collector settings.</summary>
    public PrometheusSourceOptions Options { get; }

    /// <inheritdoc />
    public string Kind => PrometheusLagSourceProvider.SourceKind;

    /// <inheritdoc />
    public string Description => Options.BacklogQuery is { } backlog
        ? $"prometheus {Options.Url} demand {Options.DemandQuery} at {Options.PerPodRate}/s per pod, backlog {backlog}"
        : $"prometheus {Options.Url} demand {Options.DemandQuery} at {Options.PerPodRate}/s per pod";

    /// <summary>The configured <c>perPodRate</c>: the policy divides the demand (and the backlog over the SLA) by it.</summary>
    public double? PerPodThroughput => Options.PerPodRate;

    /// <inheritdoc />
    public ILagCollector CreateCollector(LagCollectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The provider validated the options once; the collector trusts them.
        return new PrometheusLagCollector(Options, new PrometheusQueryApi(Options), context.TimeProvider, context.LoggerFactory.CreateLogger<PrometheusLagCollector>());
    }
}
