using Force12.Queues.Core.Lag;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.RabbitMQ.Lag;

/// <summary>Source-generated log messages of the RabbitMQ collector (event ids 6100-6199). A failed poll is Debug: the control loop
/// logs a failing pipeline once when the streak starts (1002) and once when it recovers (1007).</summary>
internal static partial class RabbitMqLagCollectorLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Debug, Message = "RabbitMQ lag collection failed ({Kind}): {Reason}")]
    public static partial void CollectionFailed(ILogger logger, LagErrorKind kind, string reason);
}
