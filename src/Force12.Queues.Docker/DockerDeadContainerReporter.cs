using Docker.DotNet;
using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Docker;

/// <summary>Logs why a container of a broken pod died (state, exit code, last output) before the pod is removed with its logs.</summary>
internal static class DockerDeadContainerReporter
{
    public static async Task ReportAsync(IDockerClient client, ILogger logger, PodInfo pod, ContainerListResponse container, CancellationToken cancellationToken)
    {
        try
        {
            var inspected = await client.Containers.InspectContainerAsync(container.ID, cancellationToken);
            using var logs = await client.Containers.GetContainerLogsAsync(
                container.ID, tty: false, new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = "20" }, cancellationToken);
            var (stdout, stderr) = await logs.ReadOutputToEndAsync(cancellationToken);
            DockerLog.ContainerDied(
                logger, pod.Id, pod.Pipeline, container.Labels[PodLabels.Container], container.ID, inspected.State.Status,
                inspected.State.ExitCode, (stdout + stderr).TrimEnd());
        }
        catch (DockerApiException)
        {
            // Already gone; nothing left to report.
        }
    }
}
