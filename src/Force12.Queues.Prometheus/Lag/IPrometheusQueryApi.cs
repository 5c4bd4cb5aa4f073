namespace Force12.Queues.Prometheus.Lag;

/// <summary>The one call the collector needs from Prometheus' HTTP API; the seam unit tests fake.</summary>
internal interface IPrometheusQueryApi
{
    /// <summary>Evaluates <paramref name="query"/> now (<c>GET /api/v1/query</c>) and returns its single value.</summary>
    /// <exception cref="PrometheusQueryException">Prometheus is unreachable, refused the query, or did not answer with one finite number.</exception>
    Task<double> QueryAsync(string query, CancellationToken cancellationToken);
}
