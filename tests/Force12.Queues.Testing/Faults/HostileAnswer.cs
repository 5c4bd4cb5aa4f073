using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Force12.Queues.Testing.Faults;

/// <summary>One answer <see cref="HostileHttpServer"/> gives, named for failure messages, with the ways to build the usual kinds.</summary>
/// <param name="Name">Unique name of the answer, shown when a test fails on it.</param>
/// <param name="Act">Writes the answer (or does not) on an accepted connection whose request head was read.</param>
public sealed record HostileAnswer(string Name, Func<Socket, Stream, CancellationToken, Task> Act)
{
    /// <summary>A complete response with <paramref name="status"/> and <paramref name="body"/>.</summary>
    public static HostileAnswer Respond(string name, int status, string body, string contentType = "application/json") =>
        new(name, (_, stream, ct) => WriteAsync(stream, Head(status, contentType, Encoding.UTF8.GetByteCount(body)) + body, ct));

    /// <summary>A 200 with a JSON body.</summary>
    public static HostileAnswer Json(string name, string body) => Respond(name, 200, body);

    /// <summary>Bytes written as they are (a broken status line, broken chunking), then the connection closes.</summary>
    public static HostileAnswer Raw(string name, string raw) => new(name, (_, stream, ct) => WriteAsync(stream, raw, ct));

    /// <summary>A 200 that declares <paramref name="body"/>'s full length but closes after half of it.</summary>
    public static HostileAnswer Truncated(string name, string body) => new(name, (_, stream, ct) =>
        WriteAsync(stream, Head(200, "application/json", Encoding.UTF8.GetByteCount(body)) + body[..(body.Length / 2)], ct));

    /// <summary>The connection is accepted, the request read, and nothing is ever written until the client gives up.</summary>
    public static HostileAnswer Silence(string name) => new(name, (socket, _, ct) => WaitForCloseAsync(socket, ct));

    /// <summary>The connection is reset (RST) after the request, before any answer; or after <paramref name="partial"/> is written.</summary>
    public static HostileAnswer Reset(string name, string partial = "") => new(name, async (socket, stream, ct) =>
    {
        if (partial.Length > 0)
        {
            await WriteAsync(stream, partial, ct);
        }

        socket.LingerState = new LingerOption(true, 0);
        socket.Close(0);
    });

    /// <summary>The head at once, then <paramref name="body"/> one byte per <paramref name="perByte"/>: slower than any sane timeout.</summary>
    public static HostileAnswer SlowBody(string name, string body, TimeSpan perByte) => new(name, async (_, stream, ct) =>
    {
        await WriteAsync(stream, Head(200, "application/json", Encoding.UTF8.GetByteCount(body)), ct);
        foreach (var b in Encoding.UTF8.GetBytes(body))
        {
            await Task.Delay(perByte, TimeProvider.System, ct);
            await stream.WriteAsync(new[] { b }, ct);
            await stream.FlushAsync(ct);
        }
    });

    /// <summary>A 200 whose body is <paramref name="bytes"/> of spaces before <paramref name="json"/>: huge, yet valid JSON.</summary>
    public static HostileAnswer Huge(string name, int bytes, string json) => new(name, async (_, stream, ct) =>
    {
        await WriteAsync(stream, Head(200, "application/json", bytes + Encoding.UTF8.GetByteCount(json)), ct);
        var spaces = new byte[64 * 1024];
        Array.Fill(spaces, (byte)' ');
        for (var left = bytes; left > 0; left -= spaces.Length)
        {
            await stream.WriteAsync(spaces.AsMemory(0, Math.Min(left, spaces.Length)), ct);
        }

        await WriteAsync(stream, json, ct);
    });

    /// <inheritdoc />
    public override string ToString() => Name;

    private static string Head(int status, string contentType, int length) => string.Create(CultureInfo.InvariantCulture,
        $"HTTP/1.1 {status} Hostile\r\nContent-Type: {contentType}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n");

    private static async Task WriteAsync(Stream stream, string text, CancellationToken ct)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
        await stream.FlushAsync(ct);
    }

    private static async Task WaitForCloseAsync(Socket socket, CancellationToken ct)
    {
        var buffer = new byte[256];
        while (await socket.ReceiveAsync(buffer, SocketFlags.None, ct) > 0)
        {
            // Ignore anything more the client sends; answer nothing.
        }
    }
}
