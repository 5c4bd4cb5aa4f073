using Microsoft.Extensions.Logging;

namespace Force12.Queues.Keda;

/// <summary>Log events of the keda orchestrator (ids 6400-6499; 6100-6199 is the RabbitMQ collector's).</summary>
internal static partial class KedaLog
{
    [LoggerMessage(EventId = 6400, Level = LogLevel.Information, Message = "Serving KEDA's external scaler (gRPC, h2c) on {Address}")]
    public static partial void Serving(ILogger logger, string address);
}
