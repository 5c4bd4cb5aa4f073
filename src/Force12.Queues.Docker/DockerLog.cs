using Microsoft.Extensions.Logging;

namespace Force12.Queues.Docker;

/// <summary>Log events of the Docker orchestrator. Event ids 5100-5199 are stable.</summary>
internal static partial class DockerLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "Pod {PodId} of pipeline {Pipeline}: container {Container} ({ContainerId}) is {State} with exit code {ExitCode}; last output:\n{Output}")]
    public static partial void ContainerDied(ILogger logger, string podId, string pipeline, string container, string containerId, string state, long exitCode, string output);
}
