namespace Force12.Queues.Core.Pods;

/// <summary>
/// A pod found by an orchestrator, with the times needed to report start latency
/// (<see cref="TimeToRunning"/>, <see cref="TimeToReady"/>).
/// </summary>
public sealed record PodInfo
{
    /// <summary>Pod id, unique per orchestrator (for example <c>bulbs-3f9c2a1b7d</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Pipeline the pod belongs to.</summary>
    public required string Pipeline { get; init; }

    /// <summary>State derived from the pod's containers.</summary>
    public required PodState State { get; init; }

    /// <summary>When the orchestrator began creating the pod (the scale request acted), UTC.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the last container of the pod was running, UTC; <c>null</c> until then.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the pod was first seen ready, UTC; <c>null</c> until then.</summary>
    public DateTimeOffset? ReadyAt { get; init; }

    /// <summary>The pod's containers in template order.</summary>
    public IReadOnlyList<PodContainerInfo> Containers { get; init; } = [];

    /// <summary>Create to running: <see cref="StartedAt"/> - <see cref="CreatedAt"/>, or <c>null</c> while not running.</summary>
    public TimeSpan? TimeToRunning => StartedAt - CreatedAt;

    /// <summary>Create to ready: <see cref="ReadyAt"/> - <see cref="CreatedAt"/>, or <c>null</c> while not ready.</summary>
    public TimeSpan? TimeToReady => ReadyAt - CreatedAt;
}
