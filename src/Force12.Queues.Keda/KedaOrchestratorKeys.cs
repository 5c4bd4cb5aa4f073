using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Keda;

/// <summary>
/// The keys of the <c>keda</c> orchestrator, written once for its provider and the schema test: the agent-wide section
/// <c>orchestrators.keda</c> and a pipeline's <c>orchestrator</c> mapping.
/// </summary>
public static class KedaOrchestratorKeys
{
    /// <summary>
    /// <c>grpcAddress</c>: IP address and port of the external scaler's gRPC endpoint (cleartext HTTP/2, h2c), apart from
    /// <c>http.address</c> (default <c>127.0.0.1:9090</c>; <c>0.0.0.0:9090</c> in a cluster, where KEDA calls it).
    /// </summary>
    public const string GrpcAddress = "grpcAddress";

    /// <summary>Every key <c>orchestrators.keda</c> accepts.</summary>
    public static IReadOnlyList<string> All { get; } = [GrpcAddress];

    /// <summary>Every key a pipeline's <c>orchestrator</c> mapping of kind <c>keda</c> accepts (only the kind).</summary>
    public static IReadOnlyList<string> Pipeline { get; } = [OrchestratorKeys.Kind];
}
