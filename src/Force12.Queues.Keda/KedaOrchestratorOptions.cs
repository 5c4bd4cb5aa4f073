using System.Net;

namespace Force12.Queues.Keda;

/// <summary>Agent-wide settings of the <c>keda</c> orchestrator (<c>orchestrators.keda</c>).</summary>
public sealed record KedaOrchestratorOptions
{
    /// <summary>The default <see cref="GrpcAddress"/>: loopback only, like <c>http.address</c>.</summary>
    public static readonly IPEndPoint DefaultGrpcAddress = new(IPAddress.Loopback, 9090);

    /// <summary>
    /// Where the external scaler's gRPC service listens: cleartext HTTP/2 only (h2c, what KEDA's gRPC client speaks
    /// without TLS), on its own port because the agent's HTTP endpoints (<c>http.address</c>) speak HTTP/1.1.
    /// Port 0 picks a free port (tests). Default <see cref="DefaultGrpcAddress"/>.
    /// </summary>
    public IPEndPoint GrpcAddress { get; init; } = DefaultGrpcAddress;
}
