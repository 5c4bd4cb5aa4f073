using Force12.Queues.Core.Pods;

namespace Force12.Queues.Marathon;

/// <summary>Maps a Marathon task (an app instance) to a pod (pure).</summary>
internal static class MarathonTaskStates
{
    /// <summary>The pod for <paramref name="task"/>, with Marathon's own times.</summary>
    public static PodInfo ToPod(MarathonTask task, int healthChecks, string pipeline, DateTimeOffset seen)
    {
        ArgumentNullException.ThrowIfNull(task);
        var state = StateOf(task, healthChecks);
        var created = task.StagedAt ?? task.StartedAt ?? seen;
        var started = state is PodState.Running or PodState.Ready or PodState.Stopping ? Max(task.StartedAt ?? created, created) : (DateTimeOffset?)null;
        var ready = state == PodState.Ready && started is { } s
            ? Max(task.HealthCheckResults?.Select(h => h.FirstSuccess).Where(f => f is not null).Max() ?? s, s)
            : (DateTimeOffset?)null;
        return new PodInfo { Id = task.Id, Pipeline = pipeline, State = state, CreatedAt = created, StartedAt = started, ReadyAt = ready };
    }

    /// <summary>
    /// <c>TASK_STAGING</c>/<c>TASK_STARTING</c> (and the states before them) -> Starting; <c>TASK_RUNNING</c> -> Ready when
    /// the app has no health checks or each of its <paramref name="healthChecks"/> has an alive result, else Running;
    /// <c>TASK_KILLING</c> -> Stopping; every terminal or unreachable state -> Exited.
    /// </summary>
    public static PodState StateOf(MarathonTask task, int healthChecks)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.State switch
        {
            "TASK_STAGING" or "TASK_STARTING" or "TASK_CREATED" or "TASK_RESERVED" or null => PodState.Starting,
            "TASK_RUNNING" => (task.HealthCheckResults?.Count(h => h.Alive) ?? 0) >= healthChecks ? PodState.Ready : PodState.Running,
            "TASK_KILLING" => PodState.Stopping,
            _ => PodState.Exited,
        };
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
