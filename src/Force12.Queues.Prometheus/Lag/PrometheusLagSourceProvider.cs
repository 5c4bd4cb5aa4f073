using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.Prometheus.Lag;

/// <summary>
/// Source kind <c>prometheus</c>: demand as a PromQL query. Settings: <c>demandQuery</c> (required), <c>perPodRate</c>
/// (required, &gt; 0), <c>backlogQuery</c> (optional), <c>url</c> (default http://127.0.0.1:9090/), <c>timeout</c>
/// (default 5s).
/// </summary>
public sealed class PrometheusLagSourceProvider : ILagSourceProvider
{
    /// <summary>The kind name: <c>prometheus</c>.</summary>
    public const string SourceKind = "prometheus";

    /// <inheritdoc />
    public string Kind => SourceKind;

    /// <inheritdoc />
    public IReadOnlyList<string> Keys => PrometheusSourceKeys.All;

    /// <inheritdoc />
    public ILagSource? Read(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = new PrometheusSourceOptions();
        var text = settings.Text(PrometheusSourceKeys.Url);
        Uri? url = defaults.Url;
        if (text is not null && (!Uri.TryCreate(text, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https")))
        {
            settings.Fail(PrometheusSourceKeys.Url, $"'{text}' is not an absolute http or https URL");
            url = null;
        }

        var errorsBefore = settings.ErrorCount;
        var rate = settings.Number(PrometheusSourceKeys.PerPodRate, null, exclusiveMin: 0);
        var rateReported = settings.ErrorCount > errorsBefore;
        var options = defaults with
        {
            Url = url ?? defaults.Url,
            DemandQuery = settings.Text(PrometheusSourceKeys.DemandQuery) ?? "",
            PerPodRate = rate ?? 0,
            BacklogQuery = settings.Text(PrometheusSourceKeys.BacklogQuery),
            Timeout = settings.Duration(PrometheusSourceKeys.Timeout, defaults.Timeout, positive: true),
        };

        // Validated once, here; the collector made from the source trusts these options.
        var problems = PrometheusSourceOptionsValidator.Validate(options)
            .Where(p => !(rateReported && p.Key == PrometheusSourceKeys.PerPodRate))
            .ToArray();
        foreach (var problem in problems)
        {
            settings.Fail(problem);
        }

        return url is null || rateReported || problems.Length > 0 ? null : new PrometheusLagSource(options);
    }
}
