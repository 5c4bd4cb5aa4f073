using System.Globalization;

namespace Force12.Queues.Marathon.Tests;

/// <summary>One task (app instance) the double keeps, with the fields Marathon's task JSON reports.</summary>
internal sealed class MarathonDoubleTask
{
    public required string Id { get; init; }

    public required string AppId { get; init; }

    public required DateTimeOffset StagedAt { get; init; }

    /// <summary><c>TASK_STAGING</c>, <c>TASK_RUNNING</c>, <c>TASK_KILLING</c>, <c>TASK_KILLED</c> or <c>TASK_FAILED</c>.</summary>
    public string State { get; set; } = "TASK_STAGING";

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? HealthyAt { get; set; }

    public DateTimeOffset? KillRequestedAt { get; set; }

    /// <summary>Counts toward the app's instances: staging or running, not being killed.</summary>
    public bool IsLive => State is "TASK_STAGING" or "TASK_RUNNING";

    /// <summary>The task as <c>GET /v2/apps/{app_id}/tasks</c> writes it (camelCase, ISO-8601 times, no <c>startedAt</c> before it started).</summary>
    public Dictionary<string, object?> ToJson(bool healthChecks)
    {
        var json = new Dictionary<string, object?>
        {
            ["id"] = Id,
            ["appId"] = AppId,
            ["host"] = "agent-1.double",
            ["ports"] = new[] { 31000 },
            ["slaveId"] = "double-agent-S1",
            ["stagedAt"] = Iso(StagedAt),
            ["startedAt"] = StartedAt is { } started ? Iso(started) : null,
            ["state"] = State,
            ["version"] = "2026-12-07T12:00:00.000Z",
        };
        if (healthChecks && HealthyAt is { } healthy)
        {
            json["healthCheckResults"] = new[]
            {
                new Dictionary<string, object?> { ["alive"] = true, ["consecutiveFailures"] = 0, ["firstSuccess"] = Iso(healthy), ["lastSuccess"] = Iso(healthy), ["taskId"] = Id },
            };
        }

        return json;
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
