namespace Force12.Queues.Core.Pods;

/// <summary>What one orchestrator call did. Failures do not throw: they are listed so the caller can retry next pass.</summary>
public sealed record PodOperationResult
{
    /// <summary>Pods started by this call (complete and running), with their start times.</summary>
    public IReadOnlyList<PodInfo> Started { get; init; } = [];

    /// <summary>Warm pods promoted by this call (told to consume: no start), as they are now (<see cref="PodState.Ready"/>).</summary>
    public IReadOnlyList<PodInfo> Promoted { get; init; } = [];

    /// <summary>Ids of healthy pods stopped by this call (scale-down or explicit stop).</summary>
    public IReadOnlyList<string> Stopped { get; init; } = [];

    /// <summary>Ids of stopped pods in which a container ignored SIGTERM for the whole grace period and was killed (SIGKILL).</summary>
    public IReadOnlyList<string> Killed { get; init; } = [];

    /// <summary>Ids of broken pods (a container died or is missing) that this call removed whole.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];

    /// <summary>Problems met, one line each (for example a pod that failed to start and was removed).</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>Pods running for the pipeline when the call finished.</summary>
    public int Running { get; init; }

    /// <summary>An empty result: nothing to do.</summary>
    public static PodOperationResult None { get; } = new();
}
