using Force12.Queues.Core.Pods;
using Force12.Queues.Ecs.Client;

namespace Force12.Queues.Ecs;

/// <summary>
/// Maps an ECS task (the pod: every container of the service's task definition) to a <see cref="PodInfo"/>. Pure.
/// PROVISIONING, PENDING and ACTIVATING are <see cref="PodState.Starting"/>; RUNNING is <see cref="PodState.Ready"/>
/// when ECS reports the task HEALTHY, else <see cref="PodState.Running"/>; a task ECS is stopping (desired STOPPED, or
/// DEACTIVATING, STOPPING, DEPROVISIONING) is <see cref="PodState.Stopping"/>; STOPPED is <see cref="PodState.Exited"/>.
/// </summary>
internal static class EcsTaskPods
{
    public static PodInfo ToPod(EcsTask task, string pipeline) => new()
    {
        Id = task.Id,
        Pipeline = pipeline,
        State = State(task),
        CreatedAt = task.CreatedAt,
        StartedAt = task.StartedAt,
        Containers = task.Containers
            .Select(c => new PodContainerInfo { Name = c.Name, Id = $"{task.Id}/{c.Name}", Running = c.LastStatus == "RUNNING", ExitCode = c.ExitCode })
            .ToList(),
    };

    public static PodState State(EcsTask task) => task.LastStatus switch
    {
        "STOPPED" => PodState.Exited,
        _ when task.DesiredStatus == "STOPPED" => PodState.Stopping,
        "PROVISIONING" or "PENDING" or "ACTIVATING" => PodState.Starting,
        "RUNNING" => task.HealthStatus == "HEALTHY" ? PodState.Ready : PodState.Running,
        _ => PodState.Stopping, // DEACTIVATING, STOPPING, DEPROVISIONING
    };
}
