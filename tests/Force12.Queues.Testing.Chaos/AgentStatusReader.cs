using System.Text.Json;

namespace Force12.Queues.Chaos;

/// <summary>
/// Reads the pods the agent scales to (<c>targetPods</c> per pipeline) from its <c>/api/status</c>: the agent's own
/// decisions, which unlike the running-pod count do not dip when the chaos monkey kills a container.
/// </summary>
internal sealed class AgentStatusReader(int port) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>Required pods by pipeline name; empty while the agent does not answer (restarting, busy).</summary>
    public async Task<IReadOnlyDictionary<string, int>> RequiredPodsAsync(CancellationToken cancellationToken)
    {
        var required = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            await using var body = await _http.GetStreamAsync(new Uri("api/status", UriKind.Relative), cancellationToken);
            using var status = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            foreach (var pipeline in status.RootElement.GetProperty("pipelines").EnumerateArray())
            {
                if (pipeline.TryGetProperty("targetPods", out var pods) && pods.ValueKind == JsonValueKind.Number)
                {
                    required[pipeline.GetProperty("name").GetString()!] = pods.GetInt32();
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            // No answer this second; the next sample counts.
        }

        return required;
    }

    public void Dispose() => _http.Dispose();
}
