using Force12.Queues.Core.Lag;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Prometheus.Lag;

/// <summary>Source-generated log messages of the Prometheus collector (event ids 6500-6599). A failed poll is Debug: the control loop
/// logs a failing pipeline once when the streak starts (1002) and once when it recovers (1007).</summary>
internal static partial class PrometheusLagCollectorLog
{
    [LoggerMessage(EventId = 6500, Level = LogLevel.Debug, Message = "Prometheus lag collection failed ({Kind}): {Reason}")]
    public static partial void CollectionFailed(ILogger logger, LagErrorKind kind, string reason);
}
