using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Force12.Queues.Testing.Faults;

/// <summary>
/// An HTTP/1.1 server on a raw socket (127.0.0.1, a free port) that answers every request with the
/// <see cref="Current"/> answer, however broken: wrong status, wrong body, a truncated or slow body, silence after the
/// accept, a connection reset. For fault tests that point a real source at it. Every connection is closed after one
/// answer; requests are counted per answer name. Started with a route instead, it answers each request with what the route
/// picks from the request's head (for an API whose calls differ only in a header, such as AWS JSON's X-Amz-Target).
/// </summary>
public sealed class HostileHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, int> _served = new(StringComparer.Ordinal);
    private readonly Task _accepting;
    private readonly Func<string, HostileAnswer>? _route;
    private HostileAnswer _current;

    private HostileHttpServer(HostileAnswer first, Func<string, HostileAnswer>? route = null)
    {
        _current = first;
        _route = route;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The server's base address, for example <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>The answer every new request gets.</summary>
    public HostileAnswer Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Starts a server answering <paramref name="first"/> until told otherwise.</summary>
    public static HostileHttpServer Start(HostileAnswer first) => new(first);

    /// <summary>Starts a server answering each request with what <paramref name="route"/> picks from the request head (request line and headers).</summary>
    public static HostileHttpServer Start(Func<string, HostileAnswer> route) =>
        new(HostileAnswer.Respond("unrouted", 500, "{}"), route ?? throw new ArgumentNullException(nameof(route)));

    /// <summary>How many requests got the answer named <paramref name="name"/>.</summary>
    public int Served(string name)
    {
        lock (_served)
        {
            return _served.GetValueOrDefault(name);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped while accepting.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptSocketAsync(_stop.Token);
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(Socket client)
    {
        var answer = Current;
        try
        {
            await using var stream = new NetworkStream(client, ownsSocket: false);
            var head = await ReadRequestAsync(stream);
            if (head is null)
            {
                return;
            }

            answer = _route?.Invoke(head) ?? answer;

            lock (_served)
            {
                _served[answer.Name] = _served.GetValueOrDefault(answer.Name) + 1;
            }

            await answer.Act(client, stream, _stop.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client gave up (its timeout) or the server stopped: both expected here.
        }
        finally
        {
            client.Dispose();
        }
    }

    // Reads the head and then the body its Content-Length announces: a body left unread when the connection closes would
    // make the kernel reset it, and the client would see a reset instead of the answer meant for it.
    private async Task<string?> ReadRequestAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headEnd;
        while ((headEnd = HeadEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return null;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString(received.GetRange(0, headEnd).ToArray());
        var bodyLeft = ContentLength(head) - (received.Count - headEnd - 4);
        while (bodyLeft > 0)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, bodyLeft)), _stop.Token);
            if (read == 0)
            {
                break;
            }

            bodyLeft -= read;
        }

        return head;
    }

    private static int HeadEnd(List<byte> received)
    {
        for (var i = 0; i + 3 < received.Count; i++)
        {
            if (received[i] == '\r' && received[i + 1] == '\n' && received[i + 2] == '\r' && received[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture, out var length))
            {
                return length;
            }
        }

        return 0;
    }
}
