using System.Text.Json.Serialization;

namespace Force12.Queues.Marathon;

/// <summary>Answer of <c>GET /v2/apps/{app_id}</c>.</summary>
internal sealed record MarathonAppAnswer(MarathonApp App);

/// <summary>The fields of an app the agent reads.</summary>
internal sealed record MarathonApp
{
    public string? Id { get; init; }

    public int Instances { get; init; }

    public int TasksRunning { get; init; }

    public int TasksStaged { get; init; }

    public int TasksHealthy { get; init; }

    public List<MarathonDeploymentRef>? Deployments { get; init; }

    /// <summary>The app's health checks (only their number is read): with none, a running task is ready.</summary>
    public List<System.Text.Json.JsonElement>? HealthChecks { get; init; }
}

/// <summary>A deployment an app or an error names.</summary>
internal sealed record MarathonDeploymentRef(string Id);

/// <summary>Answer of <c>GET /v2/apps/{app_id}/tasks</c>.</summary>
internal sealed record MarathonTasksAnswer(List<MarathonTask> Tasks);

/// <summary>One task (app instance) as Marathon lists it.</summary>
internal sealed record MarathonTask
{
    public required string Id { get; init; }

    public string? AppId { get; init; }

    /// <summary><c>TASK_STAGING</c>, <c>TASK_STARTING</c>, <c>TASK_RUNNING</c>, <c>TASK_KILLING</c>, ...</summary>
    public string? State { get; init; }

    public DateTimeOffset? StagedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public List<MarathonHealthCheckResult>? HealthCheckResults { get; init; }
}

/// <summary>One health check's result on a task.</summary>
internal sealed record MarathonHealthCheckResult
{
    public bool Alive { get; init; }

    public DateTimeOffset? FirstSuccess { get; init; }
}

/// <summary>Body of <c>PUT /v2/apps/{app_id}</c> that changes only the instance count.</summary>
internal sealed record MarathonInstancesUpdate(int Instances);

/// <summary>Body of <c>POST /v2/tasks/delete</c>.</summary>
internal sealed record MarathonTaskIds(IReadOnlyList<string> Ids);

/// <summary>Marathon's error body (<c>{"message": ...}</c>).</summary>
internal sealed record MarathonError(string? Message);

/// <summary>Source-generated JSON for Marathon's shapes (the agent is published with Native AOT). Marathon writes camelCase.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(MarathonAppAnswer))]
[JsonSerializable(typeof(MarathonTasksAnswer))]
[JsonSerializable(typeof(MarathonInstancesUpdate))]
[JsonSerializable(typeof(MarathonTaskIds))]
[JsonSerializable(typeof(MarathonError))]
internal sealed partial class MarathonJsonContext : JsonSerializerContext;
