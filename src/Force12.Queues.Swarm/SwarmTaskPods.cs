using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Swarm;

/// <summary>
/// Turns a Swarm service's tasks into pods (pure): one task is one pod of one container. Tasks Swarm has finished with
/// (told to shut down or be removed, and no longer running) are history, not pods, and are left out.
/// </summary>
internal static class SwarmTaskPods
{
    /// <summary>The pods of <paramref name="tasks"/>, oldest first (ties by id).</summary>
    public static IReadOnlyList<PodInfo> From(string pipeline, string service, IEnumerable<TaskResponse> tasks) =>
        tasks.Select(task => ToPod(pipeline, service, task))
            .OfType<PodInfo>()
            .OrderBy(pod => pod.CreatedAt)
            .ThenBy(pod => pod.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>The pod of <paramref name="task"/>, or null when the task is finished history.</summary>
    public static PodInfo? ToPod(string pipeline, string service, TaskResponse task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var state = task.Status?.State ?? TaskState.New;
        var leaving = task.DesiredState is TaskState.Shutdown or TaskState.Remove or TaskState.Complete;
        if (IsTerminal(state) && leaving)
        {
            return null;
        }

        var podState = leaving ? PodState.Stopping : StateOf(state);
        var createdAt = Utc(task.CreatedAt);
        DateTimeOffset? startedAt = state == TaskState.Running && task.Status is { } status
            ? Utc(status.Timestamp)
            : null;
        return new PodInfo
        {
            Id = task.ID,
            Pipeline = pipeline,
            State = podState,
            CreatedAt = createdAt,
            StartedAt = startedAt,

            // Swarm moves a task with a health check to running only once it is healthy: running is ready.
            ReadyAt = podState == PodState.Ready ? startedAt : null,
            Containers =
            [
                new PodContainerInfo
                {
                    Name = service,
                    Id = task.Status?.ContainerStatus?.ContainerID ?? string.Empty,
                    Running = state == TaskState.Running,
                    ExitCode = IsTerminal(state) ? (int?)task.Status?.ContainerStatus?.ExitCode : null,
                },
            ],
        };
    }

    /// <summary>Whether a task in <paramref name="state"/> will never run again.</summary>
    public static bool IsTerminal(TaskState state) =>
        state is TaskState.Complete or TaskState.Shutdown or TaskState.Failed or TaskState.Rejected or TaskState.Orphaned or TaskState.Remove;

    // Docker.DotNet hands out UTC or local times depending on how it parsed them; the engine writes UTC.
    private static DateTimeOffset Utc(DateTime value) =>
        new(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime(), TimeSpan.Zero);

    private static PodState StateOf(TaskState state) => state switch
    {
        TaskState.Running => PodState.Ready,
        _ when IsTerminal(state) => PodState.Exited,
        _ => PodState.Starting, // new, allocated, pending, assigned, accepted, preparing, ready, starting
    };
}
