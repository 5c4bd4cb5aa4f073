using Force12.Queues.Prometheus.Lag;

namespace Force12.Queues.Prometheus.Tests.Lag;

/// <summary>Answers each query from a table: a value, or an exception to throw; counts calls.</summary>
internal sealed class ScriptedQueryApi : IPrometheusQueryApi
{
    public Dictionary<string, Func<double>> Answers { get; } = new(StringComparer.Ordinal);

    public int Calls { get; private set; }

    public Task<double> QueryAsync(string query, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(Answers[query]());
    }
}
