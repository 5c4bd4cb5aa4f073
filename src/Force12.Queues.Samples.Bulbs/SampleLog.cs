using Microsoft.Extensions.Logging;

namespace Force12.Queues.Samples.Bulbs;

/// <summary>Source-generated log messages of the sample (event ids 6300-6399).</summary>
internal static partial class SampleLog
{
    [LoggerMessage(EventId = 6300, Level = LogLevel.Information, Message = "State cache listening on {Endpoint}")]
    public static partial void StateCacheListening(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "State cache stopped: {Bulbs} bulbs, {Updates} updates")]
    public static partial void StateCacheStopped(ILogger logger, int bulbs, long updates);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Error, Message = "Processor failed; the batch in hand was not committed and will be redelivered")]
    public static partial void ProcessorFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 6303, Level = LogLevel.Information, Message = "Auditing to {Path}")]
    public static partial void Auditing(ILogger logger, string path);

    [LoggerMessage(EventId = 6304, Level = LogLevel.Information, Message = "bulb-state consuming queue {Queue} (work {WorkMs} ms, prefetch {Prefetch}, concurrency {Concurrency})")]
    public static partial void BulbStateStarted(ILogger logger, string queue, double workMs, int prefetch, int concurrency);

    [LoggerMessage(EventId = 6305, Level = LogLevel.Information, Message = "Processor consuming Kinesis stream {Stream} with lease table {Table} as worker {Worker} (work {WorkMs} ms per record)")]
    public static partial void KinesisProcessorStarted(ILogger logger, string stream, string table, string worker, double workMs);

    [LoggerMessage(EventId = 6306, Level = LogLevel.Information, Message = "Kinesis processor stopped: {Processed} processed in {Batches} batches; leases released")]
    public static partial void KinesisProcessorStopped(ILogger logger, long processed, long batches);

    [LoggerMessage(EventId = 6307, Level = LogLevel.Information, Message = "Warm: told the agent in {ControlDirectory}, waiting for 'consume'")]
    public static partial void WaitingForPromotion(ILogger logger, string controlDirectory);

    [LoggerMessage(EventId = 6308, Level = LogLevel.Information, Message = "Promoted after {WaitedMs} ms warm: joining the group")]
    public static partial void Promoted(ILogger logger, double waitedMs);
}
