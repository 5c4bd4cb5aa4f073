using System.Text.Json.Nodes;

namespace Force12.Queues.Ecs.Client;

/// <summary>Reads the ECS JSON 1.1 shapes (timestamps are epoch seconds with a fraction).</summary>
internal static class EcsJson
{
    public static EcsServiceState Service(JsonNode node) => new(
        Text(node, "status"),
        node["desiredCount"]?.GetValue<int>() ?? 0,
        node["runningCount"]?.GetValue<int>() ?? 0,
        node["pendingCount"]?.GetValue<int>() ?? 0,
        node["deployments"]?.AsArray().Count ?? 0);

    public static EcsTask Task(JsonNode node) => new()
    {
        Arn = Text(node, "taskArn"),
        LastStatus = Text(node, "lastStatus"),
        DesiredStatus = Text(node, "desiredStatus"),
        CreatedAt = Time(node["createdAt"]) ?? DateTimeOffset.UnixEpoch,
        StartedAt = Time(node["startedAt"]),
        HealthStatus = node["healthStatus"]?.GetValue<string>(),
        Containers = (node["containers"]?.AsArray() ?? [])
            .Select(c => (Text(c!, "name"), Text(c!, "lastStatus"), c!["exitCode"]?.GetValue<int>()))
            .ToList(),
    };

    /// <summary>The failures of a batch answer as "arn: reason (detail)" lines.</summary>
    public static IReadOnlyList<string> Failures(JsonNode answer) =>
        (answer["failures"]?.AsArray() ?? [])
            .Select(f => $"{f?["arn"]?.GetValue<string>()}: {f?["reason"]?.GetValue<string>()}{Detail(f)}")
            .ToList();

    private static string Detail(JsonNode? failure) =>
        failure?["detail"]?.GetValue<string>() is { Length: > 0 } detail ? $" ({detail})" : "";

    private static string Text(JsonNode node, string name) => node[name]?.GetValue<string>() ?? "";

    private static DateTimeOffset? Time(JsonNode? value) =>
        value is null ? null : DateTimeOffset.UnixEpoch.AddTicks((long)(value.GetValue<double>() * TimeSpan.TicksPerSecond));
}
