namespace Force12.Queues.Ecs.Client;

/// <summary>What DescribeTasks says about one task (the pod).</summary>
internal sealed record EcsTask
{
    /// <summary>The task's ARN; its last path segment is the task id.</summary>
    public required string Arn { get; init; }

    /// <summary>PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING or STOPPED.</summary>
    public required string LastStatus { get; init; }

    /// <summary>RUNNING or STOPPED.</summary>
    public required string DesiredStatus { get; init; }

    /// <summary>When ECS created the task.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the task reached RUNNING; null before.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>HEALTHY, UNHEALTHY or UNKNOWN (no container health check); null when absent.</summary>
    public string? HealthStatus { get; init; }

    /// <summary>The task's containers: name, last status and exit code.</summary>
    public IReadOnlyList<(string Name, string LastStatus, int? ExitCode)> Containers { get; init; } = [];

    /// <summary>The task id: the last segment of the ARN.</summary>
    public string Id => Arn[(Arn.LastIndexOf('/') + 1)..];
}
