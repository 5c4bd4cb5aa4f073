using Microsoft.Extensions.Logging;

namespace Force12.Queues.Lightbulbs.Processing;

/// <summary>Source-generated log messages of the processor (event ids 6200-6299).</summary>
internal static partial class BulbProcessorLog
{
    [LoggerMessage(EventId = 6200, Level = LogLevel.Information, Message = "Processor consuming {Topic} as group {Group} (work {WorkMs} ms per message, batches of {MaxBatch})")]
    public static partial void Started(ILogger logger, string topic, string group, double workMs, int maxBatch);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "Skipped a message that is not a lightbulb event at {Partition}@{Offset}: {Reason}")]
    public static partial void Poison(ILogger logger, int partition, long offset, string reason);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Commit refused ({Reason}); {Count} processed messages will be redelivered")]
    public static partial void CommitFailed(ILogger logger, string reason, int count);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Information, Message = "Stopping ({Mode}): {Abandoned} messages left uncommitted for redelivery")]
    public static partial void Stopping(ILogger logger, StopMode mode, int abandoned);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Information, Message = "Processor stopped: {Processed} processed, {Committed} committed in {Batches} batches")]
    public static partial void Stopped(ILogger logger, long processed, long committed, long batches);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Information, Message = "Processor connected to {Topic} ({Partitions} partitions) and warm: waiting to be told to consume")]
    public static partial void Warm(ILogger logger, string topic, int partitions);
}
