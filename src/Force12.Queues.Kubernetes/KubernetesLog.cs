using Microsoft.Extensions.Logging;

namespace Force12.Queues.Kubernetes;

/// <summary>Log events of the Kubernetes orchestrator. Event ids 5400-5499 are stable.</summary>
internal static partial class KubernetesLog
{
    [LoggerMessage(EventId = 5400, Level = LogLevel.Information, Message = "Pipeline {Pipeline}: set replicas of {Target} from {From} to {To}")]
    public static partial void ReplicasSet(ILogger logger, string pipeline, KubernetesTarget target, int from, int to);

    [LoggerMessage(EventId = 5401, Level = LogLevel.Information, Message = "Pipeline {Pipeline}: marked {Count} pods of {Target} for removal with pod-deletion-cost {Cost}: {Pods}")]
    public static partial void VictimsMarked(ILogger logger, string pipeline, KubernetesTarget target, int count, string cost, IReadOnlyCollection<string> pods);

    [LoggerMessage(EventId = 5402, Level = LogLevel.Warning, Message = "Pipeline {Pipeline}: not acting: {Reason}")]
    public static partial void OwnedByAnother(ILogger logger, string pipeline, string reason);
}
