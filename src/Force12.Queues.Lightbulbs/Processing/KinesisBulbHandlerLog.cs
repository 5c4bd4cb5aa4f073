using Microsoft.Extensions.Logging;

namespace Force12.Queues.Lightbulbs.Processing;

/// <summary>Source-generated log messages of the Kinesis record handler (event ids 6250-6259).</summary>
internal static partial class KinesisBulbHandlerLog
{
    [LoggerMessage(EventId = 6250, Level = LogLevel.Warning, Message = "Skipped a record that is not a lightbulb event in {Shard} at {Sequence}: {Reason}")]
    public static partial void Poison(ILogger logger, string shard, string sequence, string reason);
}
