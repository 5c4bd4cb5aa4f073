using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Prometheus.Lag;

/// <summary>
/// The rules of <see cref="PrometheusSourceOptions"/>, each problem named by its configuration key
/// (<see cref="PrometheusSourceKeys"/>), so the <c>prometheus</c> source provider reports them under the user's path once.
/// </summary>
public static class PrometheusSourceOptionsValidator
{
    /// <summary>Every problem with <paramref name="options"/>; empty when valid.</summary>
    public static IReadOnlyList<SettingProblem> Validate(PrometheusSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<SettingProblem>();
        void Fail(string key, string problem) => problems.Add(new SettingProblem(key, problem));
        if (options.Url is null || !options.Url.IsAbsoluteUri || options.Url.Scheme is not ("http" or "https"))
        {
            Fail(PrometheusSourceKeys.Url, $"'{options.Url}' is not an absolute http or https URL");
        }

        if (string.IsNullOrWhiteSpace(options.DemandQuery))
        {
            Fail(PrometheusSourceKeys.DemandQuery, "is required: PromQL giving the arrival rate per second, for example sum(rate(http_requests_total[1m]))");
        }

        if (!double.IsFinite(options.PerPodRate) || options.PerPodRate <= 0)
        {
            Fail(PrometheusSourceKeys.PerPodRate, "is required: what one pod handles per second, a number > 0");
        }

        if (options.BacklogQuery is not null && string.IsNullOrWhiteSpace(options.BacklogQuery))
        {
            Fail(PrometheusSourceKeys.BacklogQuery, "must not be empty (leave it out when there is no backlog)");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            Fail(PrometheusSourceKeys.Timeout, $"must be positive (was {QuantityParser.FormatDuration(options.Timeout)})");
        }

        return problems;
    }
}
