using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Force12.Queues.Agent.Tests;

/// <summary>
/// One tab of the headless Chromium that scripts/setup.sh starts, driven over the DevTools
/// protocol (a WebSocket): open a URL, evaluate JavaScript, close the tab.
/// </summary>
internal sealed class ChromiumPage : IAsyncDisposable
{
    private static readonly Uri DevTools = new(Environment.GetEnvironmentVariable("FORCE12_CHROMIUM_URL") ?? "http://127.0.0.1:9222");
    private readonly ClientWebSocket _socket;
    private readonly string _targetId;
    private int _nextId;

    private ChromiumPage(ClientWebSocket socket, string targetId)
    {
        _socket = socket;
        _targetId = targetId;
    }

    public static async Task<ChromiumPage> OpenAsync(Uri url, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        Target target;
        try
        {
            using var response = await http.PutAsync(new Uri(DevTools, "/json/new?" + url), null, cancellationToken);
            response.EnsureSuccessStatusCode();
            target = (await response.Content.ReadFromJsonAsync<Target>(cancellationToken))!;
        }
        catch (HttpRequestException e)
        {
            throw new InvalidOperationException($"Headless Chromium is not reachable at {DevTools}: run scripts/setup.sh first.", e);
        }

        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(target.WebSocketDebuggerUrl), cancellationToken);
        return new ChromiumPage(socket, target.Id);
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page and returns its value (JSON).</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var request = JsonSerializer.SerializeToUtf8Bytes(new
        {
            id,
            method = "Runtime.evaluate",
            @params = new { expression, returnByValue = true, awaitPromise = true },
        });
        await _socket.SendAsync(request, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        while (true)
        {
            using var message = JsonDocument.Parse(await ReceiveAsync(cancellationToken));
            if (message.RootElement.TryGetProperty("id", out var replyId) && replyId.GetInt32() == id)
            {
                var result = message.RootElement.GetProperty("result");
                if (result.TryGetProperty("exceptionDetails", out var error))
                {
                    throw new InvalidOperationException($"JavaScript failed: {error}");
                }

                return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        _socket.Dispose();
        using var http = new HttpClient();
        using var _ = await http.GetAsync(new Uri(DevTools, "/json/close/" + _targetId));
    }

    private async Task<string> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cancellationToken);
            text.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(text.ToArray());
    }

    private sealed record Target(string Id, string WebSocketDebuggerUrl);
}
