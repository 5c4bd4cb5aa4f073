using Microsoft.Extensions.Logging;

namespace Force12.Queues.Ecs;

/// <summary>Log events of the ECS orchestrator. Event ids 5800-5899 are stable.</summary>
internal static partial class EcsLog
{
    [LoggerMessage(EventId = 5800, Level = LogLevel.Information, Message = "ecs: pipeline {Pipeline}: desired count of service {Service} in cluster {Cluster} set from {From} to {To}")]
    public static partial void DesiredCountSet(ILogger logger, string pipeline, string service, string cluster, int from, int to);

    [LoggerMessage(EventId = 5801, Level = LogLevel.Warning, Message = "ecs: pipeline {Pipeline}: task scale-in protection was refused for some tasks, ECS may stop others than the ones chosen: {Failures}")]
    public static partial void ProtectionRefused(ILogger logger, string pipeline, string failures);
}
