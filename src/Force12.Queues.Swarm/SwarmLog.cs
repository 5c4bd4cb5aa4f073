using Microsoft.Extensions.Logging;

namespace Force12.Queues.Swarm;

/// <summary>Log events of the Swarm orchestrator. Event ids 5300-5399 are stable.</summary>
internal static partial class SwarmLog
{
    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "Pipeline {Pipeline}: Swarm service {Service} replicas {From} -> {To}")]
    public static partial void ReplicasSet(ILogger logger, string pipeline, string service, ulong from, int to);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Pipeline {Pipeline}: Swarm service {Service} changed between read and write (version {Version}, try {Attempt}); reading it again")]
    public static partial void VersionConflict(ILogger logger, string pipeline, string service, ulong version, int attempt);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning, Message = "Pipeline {Pipeline}: {Problem}")]
    public static partial void NotConverged(ILogger logger, string pipeline, string problem);
}
