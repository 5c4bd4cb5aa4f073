using Microsoft.Extensions.Logging;

namespace Force12.Queues.Core.Agent;

/// <summary>The control loop's log events. Event ids are stable: dashboards and alerts may key on them.</summary>
internal static partial class ControlLoopLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Pipeline {Pipeline}: {Current} -> {Required} pods ({Reason}): {Explanation}")]
    public static partial void Scaling(ILogger logger, string pipeline, int current, int required, Scaling.ScalingReason reason, string explanation);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Pipeline {Pipeline}: collection failed ({FailedPolls} in a row): {Error}")]
    public static partial void CollectionFailed(ILogger logger, string pipeline, int failedPolls, string error);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Pipeline {Pipeline}: orchestrator problem: {Failure}")]
    public static partial void OrchestratorFailure(ILogger logger, string pipeline, string failure);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Pipeline {Pipeline}: orchestrator call failed")]
    public static partial void OrchestratorException(ILogger logger, string pipeline, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Tick {Tick} done in {DurationMs} ms")]
    public static partial void TickDone(ILogger logger, long tick, double durationMs);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Control loop stopping; {InFlight} orchestrator calls still in flight are awaited, pods are left running")]
    public static partial void Stopping(ILogger logger, int inFlight);
}
