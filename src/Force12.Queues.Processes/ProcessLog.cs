using Microsoft.Extensions.Logging;

namespace Force12.Queues.Processes;

/// <summary>Log events of the process orchestrator. Event ids 5200-5299 are stable.</summary>
internal static partial class ProcessLog
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "Pod {PodId} of pipeline {Pipeline}: container {Container} (pid {Pid}) is not running; last output:\n{Output}")]
    public static partial void ContainerDied(ILogger logger, string podId, string pipeline, string container, int pid, string output);
}
