using System.Text.Json;

namespace Force12.Queues.Chaos;

/// <summary>
/// Reads the agent's decisions from its <c>/api/status</c>: pods the policy needed (<c>neededPods</c>) and pods the
/// agent scales to after sharing the pool (<c>targetPods</c>), per pipeline. Unlike the running-pod count they do not
/// dip when the chaos monkey kills a container.
/// </summary>
internal sealed class AgentStatusReader(int port) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>Needed and target pods and the reason code by pipeline name; empty while the agent does not answer (restarting, busy).</summary>
    public async Task<IReadOnlyDictionary<string, (int Needed, int Target, string Reason)>> DecisionsAsync(CancellationToken cancellationToken)
    {
        var decisions = new Dictionary<string, (int Needed, int Target, string Reason)>(StringComparer.Ordinal);
        try
        {
            await using var body = await _http.GetStreamAsync(new Uri("api/status", UriKind.Relative), cancellationToken);
            using var status = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            foreach (var pipeline in status.RootElement.GetProperty("pipelines").EnumerateArray())
            {
                if (pipeline.TryGetProperty("targetPods", out var target) && target.ValueKind == JsonValueKind.Number &&
                    pipeline.TryGetProperty("neededPods", out var needed) && needed.ValueKind == JsonValueKind.Number)
                {
                    decisions[pipeline.GetProperty("name").GetString()!] = (needed.GetInt32(), target.GetInt32(), pipeline.TryGetProperty("reasonCode", out var reason) ? reason.GetString() ?? "" : "");
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            // No answer this second; the next sample counts.
        }

        return decisions;
    }

    public void Dispose() => _http.Dispose();
}
