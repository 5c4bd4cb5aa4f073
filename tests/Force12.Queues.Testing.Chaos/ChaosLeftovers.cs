using Docker.DotNet;
using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Chaos;

/// <summary>
/// After the agent stopped: stops any pod it left (none after a clean SIGTERM with --stop-pods-on-exit) and removes
/// any container still labelled with one of the run's pipelines (a pod the orchestrator no longer groups, for example).
/// Containers of other pipelines are never touched.
/// </summary>
internal static class ChaosLeftovers
{
    public static async Task RemoveAsync(IPodOrchestrator orchestrator, IDockerClient docker, IReadOnlyList<string> pipelines, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(pipelines);
        ArgumentNullException.ThrowIfNull(log);
        foreach (var pipeline in pipelines)
        {
            var leftovers = await orchestrator.ListPodsAsync(pipeline);
            if (leftovers.Count > 0)
            {
                await log.WriteLineAsync($"{leftovers.Count} pods of {pipeline} left after the agent stopped; stopping them");
                await orchestrator.StopPodsAsync(pipeline, [.. leftovers.Select(p => p.Id)]);
            }

            var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{PodLabels.Pipeline}={pipeline}"] = true } },
            });
            foreach (var container in containers)
            {
                await docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
            }
        }
    }
}
