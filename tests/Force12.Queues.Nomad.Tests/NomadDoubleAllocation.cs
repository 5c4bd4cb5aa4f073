namespace Force12.Queues.Nomad.Tests;

/// <summary>One allocation the double keeps, with the fields Nomad's <c>AllocationListStub</c> reports.</summary>
internal sealed class NomadDoubleAllocation
{
    public required string Id { get; init; }

    public required string Namespace { get; init; }

    public required string Job { get; init; }

    public required string Group { get; init; }

    public required int Index { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ModifiedAt { get; set; }

    /// <summary><c>run</c> or <c>stop</c>.</summary>
    public string DesiredStatus { get; set; } = "run";

    /// <summary><c>pending</c>, <c>running</c>, <c>complete</c> or <c>failed</c>.</summary>
    public string ClientStatus { get; set; } = "pending";

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? HealthyAt { get; set; }

    public DateTimeOffset? StopRequestedAt { get; set; }

    /// <summary>Counts toward the group: the scheduler wants it and the client has not finished it.</summary>
    public bool IsLive => DesiredStatus == "run" && ClientStatus is "pending" or "running";

    /// <summary>The list stub as Nomad writes it (PascalCase, Unix nanosecond times, Go's zero time when unset).</summary>
    public object ToStub()
    {
        var taskState = ClientStatus switch { "pending" => "pending", "running" => "running", _ => "dead" };
        return new
        {
            ID = Id,
            EvalID = Guid.NewGuid().ToString(),
            Name = $"{Job}.{Group}[{Index}]",
            Namespace,
            NodeID = "f6e1a3c2-double-node",
            NodeName = "double-node",
            JobID = Job,
            JobType = "service",
            JobVersion = 0,
            TaskGroup = Group,
            DesiredStatus,
            DesiredDescription = DesiredStatus == "stop" ? "alloc not needed due to job update" : "",
            ClientStatus,
            ClientDescription = "",
            TaskStates = new Dictionary<string, object>
            {
                ["processor"] = new { State = taskState, Failed = ClientStatus == "failed", Restarts = 0, StartedAt = GoTime(StartedAt), FinishedAt = GoTime(null) },
            },
            DeploymentStatus = StartedAt is null ? null : new { Healthy = HealthyAt is null ? (bool?)null : true, Timestamp = GoTime(HealthyAt), Canary = false, ModifyIndex = 1 },
            FollowupEvalID = "",
            CreateIndex = 10,
            ModifyIndex = 11,
            CreateTime = UnixNanoseconds(CreatedAt),
            ModifyTime = UnixNanoseconds(ModifiedAt),
        };
    }

    private static long UnixNanoseconds(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks * 100;

    private static string GoTime(DateTimeOffset? time) => (time ?? DateTimeOffset.MinValue).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
