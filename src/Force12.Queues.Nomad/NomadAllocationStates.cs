using Force12.Queues.Core.Pods;

namespace Force12.Queues.Nomad;

/// <summary>
/// Maps a Nomad allocation of the pipeline's task group to a pod (pure). An allocation the client finished
/// (<c>complete</c>, <c>failed</c>, <c>lost</c>) is history, not a pod: Nomad's reschedule policy places its replacement
/// (a new allocation) or a scale-down removed it, and Nomad keeps the old one until garbage collection.
/// </summary>
internal static class NomadAllocationStates
{
    /// <summary>The pod for <paramref name="allocation"/>, or null when the allocation is finished.</summary>
    public static PodInfo? ToPod(NomadAllocation allocation, string pipeline)
    {
        var state = StateOf(allocation);
        if (state is null)
        {
            return null;
        }

        var created = FromUnixNanoseconds(allocation.CreateTime);
        var started = state is PodState.Running or PodState.Ready or PodState.Stopping ? StartedAt(allocation) ?? created : (DateTimeOffset?)null;
        var ready = state == PodState.Ready ? ReadyAt(allocation) ?? started : null;
        return new PodInfo
        {
            Id = allocation.Id,
            Pipeline = pipeline,
            State = state.Value,
            CreatedAt = created,
            StartedAt = started is { } s && s < created ? created : started,
            ReadyAt = ready is { } r && started is { } st && r < st ? st : ready,
        };
    }

    /// <summary>The state of a live allocation, or null for a finished one.</summary>
    public static PodState? StateOf(NomadAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var client = allocation.ClientStatus ?? "pending";
        if (client is "complete" or "failed" or "lost")
        {
            return null;
        }

        if (allocation.DesiredStatus is "stop" or "evict")
        {
            return PodState.Stopping;
        }

        return client switch
        {
            "pending" => PodState.Starting,
            "running" when allocation.TaskStates?.Values.Any(t => t.State != "running") == true => PodState.Starting,
            "running" => allocation.DeploymentStatus is null || allocation.DeploymentStatus.Healthy == true ? PodState.Ready : PodState.Running,
            _ => PodState.Exited, // "unknown": the client is disconnected, the allocation cannot be trusted to work
        };
    }

    /// <summary>Nomad's times are Unix nanoseconds.</summary>
    public static DateTimeOffset FromUnixNanoseconds(long nanoseconds) => DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100);

    private static DateTimeOffset? StartedAt(NomadAllocation allocation)
    {
        var starts = allocation.TaskStates?.Values.Select(t => t.StartedAt).Where(IsSet).Select(t => t!.Value).ToList();
        return starts is { Count: > 0 } ? starts.Max() : null;
    }

    private static DateTimeOffset? ReadyAt(NomadAllocation allocation) =>
        allocation.DeploymentStatus?.Timestamp is { } at && IsSet(at) ? at : null;

    // Go writes a zero time as 0001-01-01T00:00:00Z.
    private static bool IsSet(DateTimeOffset? time) => time is { Year: > 1 };
}
