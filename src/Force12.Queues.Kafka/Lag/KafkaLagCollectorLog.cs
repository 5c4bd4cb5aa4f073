using Force12.Queues.Core.Lag;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Kafka.Lag;

/// <summary>Source-generated log messages of the Kafka lag collector (event ids 3100-3199). A failed poll is Debug: the control loop
/// logs a failing pipeline once when the streak starts (1002) and once when it recovers (1007).</summary>
internal static partial class KafkaLagCollectorLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug,
        Message = "Kafka lag collection failed for cluster {Cluster}, group {Group}: {Kind}: {Reason}")]
    public static partial void CollectionFailed(ILogger logger, string cluster, string group, LagErrorKind kind, string reason);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information,
        Message = "Kafka lag collection recovered for cluster {Cluster}, group {Group}")]
    public static partial void CollectionRecovered(ILogger logger, string cluster, string group);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug,
        Message = "Reading exact timestamps failed for group {Group}; using estimates this poll")]
    public static partial void TimestampReadFailed(ILogger logger, string group, Exception exception);
}
