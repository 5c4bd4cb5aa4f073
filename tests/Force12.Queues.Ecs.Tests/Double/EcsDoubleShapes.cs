using System.Text.Json.Nodes;

namespace Force12.Queues.Ecs.Tests.Double;

/// <summary>The double's JSON shapes of a service and a task (the fields the published reference names that matter here).</summary>
internal static class EcsDoubleShapes
{
    public static JsonObject Service(EcsDoubleService service, int running, int pending) => new()
    {
        ["serviceArn"] = service.Arn,
        ["serviceName"] = service.Name,
        ["clusterArn"] = $"arn:aws:ecs:{EcsApiDouble.Region}:{EcsApiDouble.Account}:cluster/{service.Cluster}",
        ["status"] = service.Status,
        ["desiredCount"] = service.DesiredCount,
        ["runningCount"] = running,
        ["pendingCount"] = pending,
        ["launchType"] = "FARGATE",
        ["taskDefinition"] = $"arn:aws:ecs:{EcsApiDouble.Region}:{EcsApiDouble.Account}:task-definition/{service.Name}:1",
        ["deployments"] = new JsonArray(new JsonObject
        {
            ["id"] = $"ecs-svc/{service.Name}",
            ["status"] = "PRIMARY",
            ["desiredCount"] = service.DesiredCount,
            ["runningCount"] = running,
            ["pendingCount"] = pending,
            ["rolloutState"] = running == service.DesiredCount ? "COMPLETED" : "IN_PROGRESS",
        }),
    };

    public static JsonObject Task(EcsDoubleTask task) => new()
    {
        ["taskArn"] = task.Arn,
        ["group"] = $"service:{task.Service}",
        ["lastStatus"] = task.LastStatus,
        ["desiredStatus"] = task.DesiredStatus,
        ["healthStatus"] = "UNKNOWN", // no container health check in the double's task definition
        ["createdAt"] = Seconds(task.CreatedAt),
        ["startedAt"] = Seconds(task.StartedAt),
        ["stoppedAt"] = Seconds(task.StoppedAt),
        ["containers"] = new JsonArray(
            Container(task, "processor"),
            Container(task, "sidecar")),
    };

    /// <summary>A timestamp as JSON 1.1 sends it: epoch seconds with a fraction; null stays absent.</summary>
    public static JsonNode? Seconds(DateTimeOffset? time) => time is { } t ? JsonValue.Create(t.ToUnixTimeMilliseconds() / 1000.0) : null;

    private static JsonObject Container(EcsDoubleTask task, string name) => new()
    {
        ["name"] = name,
        ["taskArn"] = task.Arn,
        ["lastStatus"] = task.LastStatus is "RUNNING" or "STOPPED" ? task.LastStatus : "PENDING",
    };
}
