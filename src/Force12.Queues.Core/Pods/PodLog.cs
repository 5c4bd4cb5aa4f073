using Microsoft.Extensions.Logging;

namespace Force12.Queues.Core.Pods;

/// <summary>Log events shared by orchestrators built on <see cref="PodOrchestratorBase"/>. Event ids 5000-5099 are stable.</summary>
internal static partial class PodLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "{Kind}: started pod {PodId} of pipeline {Pipeline}, running after {ElapsedMs} ms")]
    public static partial void PodStarted(ILogger logger, string kind, string podId, string pipeline, double elapsedMs);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "{Kind}: pod {PodId} of pipeline {Pipeline} failed to start and was removed: {Reason}")]
    public static partial void PodStartFailed(ILogger logger, string kind, string podId, string pipeline, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "{Kind}: stopped pod {PodId} of pipeline {Pipeline} (killed after grace: {Killed})")]
    public static partial void PodStopped(ILogger logger, string kind, string podId, string pipeline, bool killed);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "{Kind}: removed broken pod {PodId} of pipeline {Pipeline} (state {State})")]
    public static partial void BrokenPodRemoved(ILogger logger, string kind, string podId, string pipeline, PodState state);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "{Kind}: could not stop pod {PodId} of pipeline {Pipeline}: {Reason}")]
    public static partial void PodStopFailed(ILogger logger, string kind, string podId, string pipeline, string reason);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "{Kind}: started warm pod {PodId} of pipeline {Pipeline}")]
    public static partial void WarmPodStarted(ILogger logger, string kind, string podId, string pipeline);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "{Kind}: promoted warm pod {PodId} of pipeline {Pipeline} (it had reported warm: {WasWarm})")]
    public static partial void PodPromoted(ILogger logger, string kind, string podId, string pipeline, bool wasWarm);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "{Kind}: warm pod {PodId} of pipeline {Pipeline} could not be promoted: {Reason}")]
    public static partial void PodPromotionFailed(ILogger logger, string kind, string podId, string pipeline, string reason);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Warning, Message = "{Kind}: pod {PodId} of pipeline {Pipeline} was started warm but did not report warm within {TimeoutSeconds} s: it runs as a cold pod, and the warm pool is no longer refilled (the pods do not implement docs/pod-contract.md)")]
    public static partial void WarmContractIgnored(ILogger logger, string kind, string podId, string pipeline, double timeoutSeconds);
}
