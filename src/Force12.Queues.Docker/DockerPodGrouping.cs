using System.Globalization;
using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Docker;

/// <summary>Groups listed containers into pods by label. Containers without the pipeline and pod labels are ignored (never touched).</summary>
internal static class DockerPodGrouping
{
    public static IReadOnlyList<DockerPod> Group(IEnumerable<ContainerListResponse> containers, string pipeline) =>
        containers
            .Where(c => c.Labels is not null
                && c.Labels.TryGetValue(PodLabels.Pipeline, out var p) && p == pipeline
                && c.Labels.ContainsKey(PodLabels.Pod))
            .GroupBy(c => c.Labels[PodLabels.Pod], StringComparer.Ordinal)
            .Select(group => ToPod(group.Key, pipeline, group.OrderBy(Index).ToList()))
            .OrderBy(pod => pod.CreatedAt)
            .ThenBy(pod => pod.Id, StringComparer.Ordinal)
            .ToList();

    public static PodState StateOf(DockerPod pod)
    {
        if (pod.Removing)
        {
            return PodState.Stopping;
        }

        if (pod.Containers.Count < pod.ExpectedSize || pod.Containers.Any(c => c.State is "exited" or "dead"))
        {
            return PodState.Exited;
        }

        if (!pod.AllRunning)
        {
            return PodState.Starting;
        }

        return pod.HealthPending ? PodState.Running : PodState.Ready;
    }

    private static DockerPod ToPod(string podId, string pipeline, List<ContainerListResponse> containers)
    {
        // Every container of a pod carries the same pod-level labels; read them from the first that has them.
        var labels = containers[0].Labels;
        var size = ReadInt(labels, PodLabels.PodSize) ?? int.MaxValue;
        var createdMs = ReadLong(labels, PodLabels.CreatedAt);
        var created = createdMs is { } ms
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : new DateTimeOffset(DateTime.SpecifyKind(containers.Min(c => c.Created), DateTimeKind.Utc));
        var grace = TimeSpan.FromSeconds(ReadInt(labels, PodLabels.StopGraceSeconds) ?? 10);
        return new DockerPod(podId, pipeline, size, created, grace, containers);
    }

    private static int Index(ContainerListResponse container) =>
        ReadInt(container.Labels, PodLabels.ContainerIndex) ?? int.MaxValue;

    private static int? ReadInt(IDictionary<string, string> labels, string key) =>
        labels.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static long? ReadLong(IDictionary<string, string> labels, string key) =>
        labels.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
