using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Force12.Queues.Lightbulbs.State;

/// <summary>
/// Where the bulb-state cache listens: <c>tcp:127.0.0.1:7070</c> (containers of a pod share localhost) or
/// <c>unix:PATH</c> (processes of a pod on one host share the pod folder; a relative path is resolved against the
/// working directory, so <c>unix:../state.sock</c> names the pod folder for the process orchestrator).
/// </summary>
public static class StateCacheEndpoint
{
    /// <summary>Default endpoint: <c>tcp:127.0.0.1:7070</c>.</summary>
    public const string Default = "tcp:127.0.0.1:7070";

    /// <summary>Parses an endpoint.</summary>
    /// <exception cref="FormatException">Neither form; the message shows both.</exception>
    public static EndPoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("unix:", StringComparison.Ordinal) && text.Length > 5)
        {
            return new UnixDomainSocketEndPoint(text[5..]);
        }

        if (text.StartsWith("tcp:", StringComparison.Ordinal)
            && IPEndPoint.TryParse(text[4..], out var ip) && ip.Port > 0)
        {
            return ip;
        }

        throw new FormatException(string.Create(
            CultureInfo.InvariantCulture, $"State cache endpoint '{text}' must be 'tcp:HOST:PORT' (for example {Default}) or 'unix:PATH'."));
    }

    /// <summary>A socket of the right family for <paramref name="endpoint"/>.</summary>
    public static Socket NewSocket(EndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    }
}
