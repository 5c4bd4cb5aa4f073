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

    /// <summary>True when the pod was started warm (<c>FORCE12_WARM=1</c>, see docs/pod-contract.md), promoted or not.</summary>
    public bool StartedWarm { get; init; }

    /// <summary>When a pod started warm reported itself warm (its <c>warm</c> file), UTC; <c>null</c> until then or for cold pods.</summary>
    public DateTimeOffset? WarmAt { get; init; }

    /// <summary>When the agent told a warm pod to consume (its <c>consume</c> file), UTC; <c>null</c> until promoted.</summary>
    public DateTimeOffset? PromotedAt { get; init; }

    /// <summary>
    /// True for a pod started warm that neither reported warm nor was promoted within the warm timeout: it ignores the
    /// contract and consumes like a cold pod (listed <see cref="PodState.Ready"/>).
    /// </summary>
    public bool IgnoresWarmContract => StartedWarm && WarmAt is null && PromotedAt is null && State is PodState.Running or PodState.Ready;

    /// <summary>The pod's containers in template order.</summary>
    public IReadOnlyList<PodContainerInfo> Containers { get; init; } = [];

    /// <summary>Create to running: <see cref="StartedAt"/> - <see cref="CreatedAt"/>, or <c>null</c> while not running.</summary>
    public TimeSpan? TimeToRunning => StartedAt - CreatedAt;

    /// <summary>Create to ready: <see cref="ReadyAt"/> - <see cref="CreatedAt"/>, or <c>null</c> while not ready.</summary>
    public TimeSpan? TimeToReady => ReadyAt - CreatedAt;
}
