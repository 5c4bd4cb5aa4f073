using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Force12.Queues.Lightbulbs.State;

/// <summary>
/// The pod's second container: an in-memory bulb-state cache the processor updates over the pod's localhost.
/// Line protocol, one request per line, answers in order (clients may pipeline):
/// <c>S bulb on brightness</c> sets a state and answers <c>1</c> when it changed, <c>0</c> when not;
/// <c>G bulb</c> answers <c>on brightness</c> or <c>-</c>; <c>P</c> answers <c>PONG</c>; anything else <c>E message</c>.
/// </summary>
public sealed class BulbStateCacheServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, BulbState> _states = new();
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private Task? _accepting;
    private long _updates;

    /// <summary>Binds to <paramref name="endpoint"/> (a stale Unix socket file is replaced).</summary>
    public BulbStateCacheServer(EndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint is UnixDomainSocketEndPoint && File.Exists(endpoint.ToString()))
        {
            File.Delete(endpoint.ToString()!);
        }

        _listener = StateCacheEndpoint.NewSocket(endpoint);
        _listener.Bind(endpoint);
        _listener.Listen(64);
        Endpoint = _listener.LocalEndPoint!;
    }

    /// <summary>The bound endpoint (with the real port when port 0 was asked for).</summary>
    public EndPoint Endpoint { get; }

    /// <summary>Bulbs known.</summary>
    public int Count => _states.Count;

    /// <summary>Set requests served.</summary>
    public long Updates => Interlocked.Read(ref _updates);

    /// <summary>Starts accepting clients.</summary>
    public void Start() => _accepting = AcceptAsync(_stop.Token);

    /// <summary>The state of <paramref name="bulbId"/>, or null.</summary>
    public BulbState? Get(int bulbId) => _states.TryGetValue(bulbId, out var state) ? state : null;

    /// <summary>Stops listening and closes clients.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        if (_accepting is not null)
        {
            await _accepting.ConfigureAwait(false);
        }

        if (Endpoint is UnixDomainSocketEndPoint && File.Exists(Endpoint.ToString()))
        {
            File.Delete(Endpoint.ToString()!);
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        var clients = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await _listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
                clients.Add(ServeAsync(client, cancellationToken));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        await Task.WhenAll(clients).ConfigureAwait(false);
    }

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        // Answers every whole line of what one receive brought in one send, so pipelined batches cost one round trip.
        using (client)
        {
            var buffer = new byte[64 * 1024];
            var used = 0;
            var answers = new StringBuilder();
            try
            {
                while (true)
                {
                    if (used == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    var read = await client.ReceiveAsync(buffer.AsMemory(used), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return;
                    }

                    used += read;
                    var start = 0;
                    int newline;
                    while ((newline = Array.IndexOf(buffer, (byte)'\n', start, used - start)) >= 0)
                    {
                        answers.Append(Answer(Encoding.ASCII.GetString(buffer, start, newline - start).TrimEnd('\r'))).Append('\n');
                        start = newline + 1;
                    }

                    Buffer.BlockCopy(buffer, start, buffer, 0, used - start);
                    used -= start;
                    if (answers.Length > 0)
                    {
                        await client.SendAsync(Encoding.ASCII.GetBytes(answers.ToString()), cancellationToken).ConfigureAwait(false);
                        answers.Clear();
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
                // Client went away or we are stopping.
            }
        }
    }

    private string Answer(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (parts)
        {
            case ["S", var bulb, var on, var brightness]
                when Int(bulb, out var id) && on is "0" or "1" && byte.TryParse(brightness, CultureInfo.InvariantCulture, out var level):
                var state = new BulbState(on == "1", level);
                var previous = _states.TryGetValue(id, out var p) ? p : (BulbState?)null;
                _states[id] = state;
                Interlocked.Increment(ref _updates);
                return previous == state ? "0" : "1";
            case ["G", var bulb] when Int(bulb, out var id):
                return _states.TryGetValue(id, out var known) ? $"{(known.On ? 1 : 0)} {known.Brightness}" : "-";
            case ["P"]:
                return "PONG";
            default:
                return $"E cannot read '{line}'";
        }
    }

    private static bool Int(string text, out int value) => int.TryParse(text, CultureInfo.InvariantCulture, out value);
}
