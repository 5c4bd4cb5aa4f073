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

    public List<ProcessContainerRecord> Containers { get; init; } = [];
}
