using Force12.Queues.Core.Pods;
using k8s.Models;

namespace Force12.Queues.Kubernetes;

/// <summary>
/// Maps a Kubernetes pod to the agent's <see cref="PodInfo"/>. Pure. State, in order:
/// <list type="bullet">
/// <item><c>metadata.deletionTimestamp</c> set: <see cref="PodState.Stopping"/> (the grace period runs);</item>
/// <item>phase <c>Succeeded</c> or <c>Failed</c>: <see cref="PodState.Exited"/>;</item>
/// <item>phase <c>Running</c> with condition <c>Ready</c> True: <see cref="PodState.Ready"/>;</item>
/// <item>phase <c>Running</c> with every container running: <see cref="PodState.Running"/>;</item>
/// <item>otherwise (<c>Pending</c>, <c>Unknown</c>, a container still waiting): <see cref="PodState.Starting"/>.</item>
/// </list>
/// Times come from the pod itself: created at <c>metadata.creationTimestamp</c>, running at the latest container
/// <c>state.running.startedAt</c>, ready at the <c>Ready</c> condition's <c>lastTransitionTime</c> (never before running).
/// Kubernetes writes these with one-second precision, so start latencies are whole seconds.
/// </summary>
public static class KubernetesPodStates
{
    /// <summary>The pod as the agent sees it, belonging to <paramref name="pipeline"/>.</summary>
    public static PodInfo ToPodInfo(V1Pod pod, string pipeline)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var statuses = pod.Status?.ContainerStatuses ?? [];
        var allRunning = statuses.Count > 0 && statuses.All(c => c.State?.Running is not null);
        var startedAt = allRunning ? statuses.Max(c => Utc(c.State.Running.StartedAt)) : null;
        var readyCondition = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready" && c.Status == "True");
        var readyAt = readyCondition is null ? null : Utc(readyCondition.LastTransitionTime);
        if (readyAt is not null && startedAt is not null && readyAt < startedAt)
        {
            // A container restarted after the pod became ready; the pod was ready no earlier than it ran again.
            readyAt = startedAt;
        }

        var createdAt = Utc(pod.Metadata?.CreationTimestamp) ?? DateTimeOffset.MinValue;
        return new PodInfo
        {
            Id = pod.Metadata?.Name ?? "",
            Pipeline = pipeline,
            State = StateOf(pod, allRunning, readyCondition is not null),
            CreatedAt = createdAt,
            StartedAt = startedAt ?? (readyAt is null ? null : readyAt),
            ReadyAt = readyAt,
            Containers = statuses.Select(c => new PodContainerInfo
            {
                Name = c.Name,
                Id = string.IsNullOrEmpty(c.ContainerID) ? c.Name : c.ContainerID,
                Running = c.State?.Running is not null,
                ExitCode = c.State?.Terminated?.ExitCode,
            }).ToList(),
        };
    }

    private static PodState StateOf(V1Pod pod, bool allRunning, bool ready) => pod switch
    {
        { Metadata.DeletionTimestamp: not null } => PodState.Stopping,
        { Status.Phase: "Succeeded" or "Failed" } => PodState.Exited,
        { Status.Phase: "Running" } when ready => PodState.Ready,
        { Status.Phase: "Running" } when allRunning => PodState.Running,
        _ => PodState.Starting,
    };

    private static DateTimeOffset? Utc(DateTime? time) =>
        time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t, DateTimeKind.Utc)) : null;
}
