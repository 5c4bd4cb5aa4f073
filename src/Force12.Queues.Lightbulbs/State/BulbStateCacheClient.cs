using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Force12.Queues.Lightbulbs.Events;

namespace Force12.Queues.Lightbulbs.State;

/// <summary>
/// The processor's side of the state cache: one connection, requests of a batch pipelined in one write.
/// Connects lazily and reconnects after a failure. Not thread-safe: one processor loop.
/// </summary>
public sealed class BulbStateCacheClient : IBulbStateStore, IDisposable
{
    private readonly EndPoint _endpoint;
    private Socket? _socket;
    private StreamReader? _reader;
    private NetworkStream? _stream;

    /// <summary>A client of the cache at <paramref name="endpoint"/>.</summary>
    public BulbStateCacheClient(EndPoint endpoint) => _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));

    /// <summary>Applies the events in order; for each, whether the bulb's state changed.</summary>
    /// <exception cref="IOException">The cache is unreachable or answered nonsense; nothing about the batch is known.</exception>
    public async Task<bool[]> ApplyAsync(IReadOnlyList<LightbulbEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        try
        {
            var (stream, reader) = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            var request = new StringBuilder(events.Count * 16);
            foreach (var e in events)
            {
                request.Append(CultureInfo.InvariantCulture, $"S {e.BulbId} {(e.On ? 1 : 0)} {e.Brightness}\n");
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()), cancellationToken).ConfigureAwait(false);
            var changed = new bool[events.Count];
            for (var i = 0; i < changed.Length; i++)
            {
                var answer = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                changed[i] = answer switch
                {
                    "1" => true,
                    "0" => false,
                    _ => throw new IOException($"State cache at {_endpoint} answered '{answer ?? "(closed)"}' to a set request."),
                };
            }

            return changed;
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            Disconnect();
            throw e as IOException ?? new IOException($"State cache at {_endpoint} is unreachable: {e.Message}", e);
        }
    }

    /// <summary>Waits until the cache accepts a connection (it is started next to the processor and may come up later).</summary>
    /// <exception cref="IOException">Still unreachable after <paramref name="timeout"/>.</exception>
    public async Task WaitUntilReachableAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();
        while (true)
        {
            try
            {
                _ = await ConnectAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (time.GetElapsedTime(started) < timeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw new IOException($"State cache at {_endpoint} is unreachable after {timeout.TotalSeconds}s: {e.Message}", e);
            }
        }
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose() => Disconnect();

    private async Task<(NetworkStream Stream, StreamReader Reader)> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_stream is not null && _reader is not null)
        {
            return (_stream, _reader);
        }

        var socket = StateCacheEndpoint.NewSocket(_endpoint);
        try
        {
            await socket.ConnectAsync(_endpoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(_stream, Encoding.ASCII);
        return (_stream, _reader);
    }

    private void Disconnect()
    {
        _reader?.Dispose();
        _stream?.Dispose();
        _socket?.Dispose();
        (_reader, _stream, _socket) = (null, null, null);
    }
}
