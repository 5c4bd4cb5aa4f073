using System.Globalization;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.Prometheus.Lag;

/// <summary><c>GET /api/v1/query?query=...</c> on the configured Prometheus server, mapped to typed failures.</summary>
internal sealed class PrometheusQueryApi : IPrometheusQueryApi, IDisposable
{
    // One sample's answer is a few hundred bytes; a body far beyond that is not one, and is refused before it fills memory.
    private const int MaxAnswerBytes = 1024 * 1024;

    private readonly HttpClient _http;
    private readonly string _evaluationTimeout;

    public PrometheusQueryApi(PrometheusSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = options.Url.AbsoluteUri.EndsWith('/') ? options.Url : new Uri(options.Url.AbsoluteUri + "/");
        _http = new HttpClient { BaseAddress = url, Timeout = options.Timeout, MaxResponseContentBufferSize = MaxAnswerBytes };
        // Prometheus stops evaluating at the same limit, so a heavy query does not go on after the agent gave up on it.
        _evaluationTimeout = ((long)Math.Ceiling(options.Timeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";
    }

    public async Task<double> QueryAsync(string query, CancellationToken cancellationToken)
    {
        var path = $"api/v1/query?query={Uri.EscapeDataString(query)}&timeout={_evaluationTimeout}";
        try
        {
            using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return PrometheusQueryAnswer.Parse(query, response.StatusCode, body);
        }
        catch (HttpRequestException e)
        {
            throw new PrometheusQueryException(LagErrorKind.Unreachable, $"Prometheus at {_http.BaseAddress} did not answer query '{query}': {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PrometheusQueryException(LagErrorKind.Unreachable, $"Prometheus at {_http.BaseAddress} timed out after {_http.Timeout.TotalSeconds}s on query '{query}'", e);
        }
    }

    public void Dispose() => _http.Dispose();
}
