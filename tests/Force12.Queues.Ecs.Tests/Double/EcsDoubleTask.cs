namespace Force12.Queues.Ecs.Tests.Double;

/// <summary>One task the double's service scheduler started, moving through the ECS task lifecycle.</summary>
internal sealed class EcsDoubleTask
{
    public required string Arn { get; init; }

    public required string Service { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string LastStatus { get; set; } = "PROVISIONING";

    public string DesiredStatus { get; set; } = "RUNNING";

    /// <summary>When the task last changed status (the double advances it after a short delay).</summary>
    public DateTimeOffset ChangedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    public DateTimeOffset? ProtectedUntil { get; set; }

    public string Id => Arn[(Arn.LastIndexOf('/') + 1)..];
}
