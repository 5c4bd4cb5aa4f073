namespace Force12.Queues.Prometheus.Lag;

/// <summary>What a <see cref="PrometheusLagCollector"/> asks Prometheus and how; immutable.</summary>
public sealed record PrometheusSourceOptions
{
    /// <summary>Default <see cref="Url"/>: <c>http://127.0.0.1:9090/</c>.</summary>
    public static readonly Uri DefaultUrl = new("http://127.0.0.1:9090/");

    /// <summary>Base address of the Prometheus server (a path prefix such as <c>/prometheus/</c> is kept). Default <see cref="DefaultUrl"/>.</summary>
    public Uri Url { get; init; } = DefaultUrl;

    /// <summary>
    /// PromQL whose single value is the arrival rate per second, for example
    /// <c>sum(rate(http_requests_total{job="bulbs"}[1m]))</c>. Required.
    /// </summary>
    public string DemandQuery { get; init; } = "";

    /// <summary>What one pod handles per second, in the unit of <see cref="DemandQuery"/>. Required; must be positive and finite.</summary>
    public double PerPodRate { get; init; }

    /// <summary>PromQL whose single value is the number of messages waiting, or null (the default) when there is no backlog to drain.</summary>
    public string? BacklogQuery { get; init; }

    /// <summary>Time limit of each query (HTTP request). Default 5 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Every problem with these options, each as <c>&lt;key&gt;: &lt;problem&gt;</c>; empty when valid.</summary>
    public IReadOnlyList<string> Validate() => PrometheusSourceOptionsValidator.Validate(this).Select(p => p.ToString()).ToArray();
}
