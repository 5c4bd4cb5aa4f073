using Microsoft.Extensions.Logging;

namespace Force12.Queues.Keda;

/// <summary>Log events of the keda orchestrator (ids 6100-6199; 5900-5999 is left to the kubernetes kind).</summary>
internal static partial class KedaLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Serving KEDA's external scaler (gRPC, h2c) on {Address}")]
    public static partial void Serving(ILogger logger, string address);
}
