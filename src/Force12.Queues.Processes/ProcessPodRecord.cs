namespace Force12.Queues.Processes;

/// <summary>What the state folder remembers of one pod (<c>pod.json</c>). Written before the first process starts and after each.</summary>
internal sealed record ProcessPodRecord
{
    public required string Id { get; init; }

    public required string Pipeline { get; init; }

    public required int Size { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public required double StopGraceSeconds { get; init; }

    /// <summary>Started with FORCE12_WARM=1 and a control folder (docs/pod-contract.md).</summary>
    public bool StartedWarm { get; init; }

    /// <summary>For a pod started warm: seconds it may take to report warm before it counts as a cold pod.</summary>
    public double WarmTimeoutSeconds { get; init; }

    public List<ProcessContainerRecord> Containers { get; init; } = [];
}
