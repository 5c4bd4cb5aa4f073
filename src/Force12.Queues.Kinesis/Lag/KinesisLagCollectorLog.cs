using Microsoft.Extensions.Logging;

namespace Force12.Queues.Kinesis.Lag;

/// <summary>The Kinesis collector's log events. Event ids are stable (7xxx: Kinesis). A failed poll is Debug: the control loop
/// logs a failing pipeline once when the streak starts (1002) and once when it recovers (1007).</summary>
internal static partial class KinesisLagCollectorLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "Stream {Stream}: {Shards} shards collected with {GetRecords} GetRecords and {Iterators} GetShardIterator calls")]
    public static partial void Collected(ILogger logger, string stream, int shards, int getRecords, int iterators);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Debug, Message = "Stream {Stream}, lease table {Table}: collection failed: {Kind}: {Reason}")]
    public static partial void Failed(ILogger logger, string stream, string table, Client.KinesisErrorKind kind, string reason);
}
