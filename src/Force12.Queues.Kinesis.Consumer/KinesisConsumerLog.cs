using Microsoft.Extensions.Logging;

namespace Force12.Queues.Kinesis.Consumer;

/// <summary>The consumer's log events (ids 7100-7199, stable).</summary>
internal static partial class KinesisConsumerLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Worker {Worker} took lease {Lease} (counter {Counter})")]
    public static partial void Took(ILogger logger, string worker, Leases.KclLeaseKey lease, long counter);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Worker {Worker} lost lease {Lease}")]
    public static partial void Lost(ILogger logger, string worker, Leases.KclLeaseKey lease);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information, Message = "Worker {Worker} finished shard {Lease} (SHARD_END)")]
    public static partial void Finished(ILogger logger, string worker, Leases.KclLeaseKey lease);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "Worker {Worker}: processing lease {Lease} failed; releasing it")]
    public static partial void ProcessorFailed(ILogger logger, string worker, Leases.KclLeaseKey lease, Exception exception);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Warning, Message = "Worker {Worker}: lease coordination failed: {Reason}")]
    public static partial void CoordinationFailed(ILogger logger, string worker, string reason);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Information, Message = "Worker {Worker} stopping: released {Released} of {Held} leases")]
    public static partial void Stopped(ILogger logger, string worker, int released, int held);
}
