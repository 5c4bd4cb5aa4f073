using Microsoft.Extensions.Logging;

namespace Force12.Queues.Core.Agent;

/// <summary>The control loop's log events. Event ids are stable: dashboards and alerts may key on them.</summary>
internal static partial class ControlLoopLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Pipeline {Pipeline}: {Current} -> {Required} pods ({Reason}): {Explanation}")]
    public static partial void Scaling(ILogger logger, string pipeline, int current, int required, Scaling.ScalingReason reason, string explanation);

    /// <summary>The first failed collection of a streak; the next ones are not logged until <see cref="CollectionRecovered"/>.</summary>
    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Pipeline {Pipeline}: collection failed: {Error}; holding its pods, fallback after {FallbackAfter} failed polls (logged again when it recovers)")]
    public static partial void CollectionFailed(ILogger logger, string pipeline, string error, int fallbackAfter, Exception? exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Pipeline {Pipeline}: orchestrator problem: {Failure}")]
    public static partial void OrchestratorFailure(ILogger logger, string pipeline, string failure);

    /// <summary>The first orchestrator call of a streak that threw; the next ones are not logged until <see cref="OrchestratorRecovered"/>.</summary>
    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Pipeline {Pipeline}: orchestrator call failed ({Operation}); holding its pods (logged again when it works)")]
    public static partial void OrchestratorException(ILogger logger, string pipeline, string operation, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Tick {Tick} done in {DurationMs} ms")]
    public static partial void TickDone(ILogger logger, long tick, double durationMs);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Control loop stopping; {InFlight} orchestrator calls still in flight are awaited, pods are left running")]
    public static partial void Stopping(ILogger logger, int inFlight);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Pipeline {Pipeline}: collection recovered after {FailedPolls} failed polls")]
    public static partial void CollectionRecovered(ILogger logger, string pipeline, int failedPolls);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Pipeline {Pipeline}: orchestrator {Operation} works again after {Failures} failed calls")]
    public static partial void OrchestratorRecovered(ILogger logger, string pipeline, string operation, int failures);
}
