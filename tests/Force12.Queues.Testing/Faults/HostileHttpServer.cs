using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Force12.Queues.Testing.Faults;

/// <summary>
/// An HTTP/1.1 server on a raw socket (127.0.0.1, a free port) that answers every request with the
/// <see cref="Current"/> answer, however broken: wrong status, wrong body, a truncated or slow body, silence after the
/// accept, a connection reset. For fault tests that point a real source at it. Every connection is closed after one
/// answer; requests are counted per answer name.
/// </summary>
public sealed class HostileHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, int> _served = new(StringComparer.Ordinal);
    private readonly Task _accepting;
    private HostileAnswer _current;

    private HostileHttpServer(HostileAnswer first)
    {
        _current = first;
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
            if (!await ReadRequestHeadAsync(stream))
            {
                return;
            }

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

    private async Task<bool> ReadRequestHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return false;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return true;
    }
}
