using Force12.Queues.Core.Lag;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.RabbitMQ.Lag;

/// <summary>Source-generated log messages of the RabbitMQ collector (event ids 6100-6199).</summary>
internal static partial class RabbitMqLagCollectorLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Warning, Message = "RabbitMQ lag collection failed ({Kind}): {Reason}")]
    public static partial void CollectionFailed(ILogger logger, LagErrorKind kind, string reason);
}
