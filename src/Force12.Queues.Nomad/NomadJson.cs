using System.Text.Json.Serialization;

namespace Force12.Queues.Nomad;

/// <summary>Body of <c>POST /v1/job/:job_id/scale</c> (Nomad's <c>ScalingRequest</c>).</summary>
internal sealed record NomadScaleRequest(long Count, IReadOnlyDictionary<string, string> Target, string Message);

/// <summary>Answer of <c>GET /v1/job/:job_id/scale</c> (Nomad's <c>JobScaleStatusResponse</c>); the fields the agent reads.</summary>
internal sealed record NomadJobScaleStatus
{
    [JsonPropertyName("JobID")]
    public string? JobId { get; init; }

    public bool JobStopped { get; init; }

    public Dictionary<string, NomadTaskGroupScaleStatus>? TaskGroups { get; init; }
}

/// <summary>One task group of <see cref="NomadJobScaleStatus"/>: the count asked for and the allocations by state.</summary>
internal sealed record NomadTaskGroupScaleStatus
{
    public int Desired { get; init; }

    public int Placed { get; init; }

    public int Running { get; init; }

    public int Healthy { get; init; }

    public int Unhealthy { get; init; }
}

/// <summary>One entry of <c>GET /v1/job/:job_id/allocations</c> (Nomad's <c>AllocationListStub</c>); the fields the agent reads.</summary>
internal sealed record NomadAllocation
{
    [JsonPropertyName("ID")]
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? TaskGroup { get; init; }

    /// <summary><c>run</c>, <c>stop</c> or <c>evict</c>: what the scheduler wants.</summary>
    public string? DesiredStatus { get; init; }

    /// <summary><c>pending</c>, <c>running</c>, <c>complete</c>, <c>failed</c>, <c>lost</c> or <c>unknown</c>: what the client reports.</summary>
    public string? ClientStatus { get; init; }

    public Dictionary<string, NomadTaskState>? TaskStates { get; init; }

    public NomadDeploymentStatus? DeploymentStatus { get; init; }

    /// <summary>Unix time in nanoseconds.</summary>
    public long CreateTime { get; init; }

    /// <summary>Unix time in nanoseconds.</summary>
    public long ModifyTime { get; init; }
}

/// <summary>A task's state in an allocation (Nomad's <c>TaskState</c>).</summary>
internal sealed record NomadTaskState
{
    /// <summary><c>pending</c>, <c>running</c> or <c>dead</c>.</summary>
    public string? State { get; init; }

    public bool Failed { get; init; }

    public DateTimeOffset? StartedAt { get; init; }
}

/// <summary>An allocation's part in a deployment (Nomad's <c>AllocDeploymentStatus</c>).</summary>
internal sealed record NomadDeploymentStatus
{
    /// <summary>True once healthy, false when unhealthy, null while undecided.</summary>
    public bool? Healthy { get; init; }

    public DateTimeOffset? Timestamp { get; init; }
}

/// <summary>Source-generated JSON for Nomad's shapes (the agent is published with Native AOT). Nomad writes PascalCase.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]
[JsonSerializable(typeof(NomadScaleRequest))]
[JsonSerializable(typeof(NomadJobScaleStatus))]
[JsonSerializable(typeof(List<NomadAllocation>))]
internal sealed partial class NomadJsonContext : JsonSerializerContext;
