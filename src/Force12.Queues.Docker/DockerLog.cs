using Microsoft.Extensions.Logging;

namespace Force12.Queues.Docker;

/// <summary>Log events of the Docker orchestrator. Event ids 5100-5199 are stable.</summary>
internal static partial class DockerLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "Pod {PodId} of pipeline {Pipeline}: container {Container} ({ContainerId}) is {State} with exit code {ExitCode}; last output:\n{Output}")]
    public static partial void ContainerDied(ILogger logger, string podId, string pipeline, string container, string containerId, string state, long exitCode, string output);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Pipeline {Pipeline}: standby pod {PodId} could not be started ({Reason}); it was removed and a new pod is created instead")]
    public static partial void StandbyStartFailed(ILogger logger, string pipeline, string podId, string reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Pipeline {Pipeline}: removed {Count} standby pods ({Stale} incomplete or from another template); {Target} wanted")]
    public static partial void StandbyPodsRemoved(ILogger logger, string pipeline, int count, int stale, int target);
}
