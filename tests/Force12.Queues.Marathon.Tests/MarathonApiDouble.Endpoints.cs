using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Force12.Queues.Marathon.Tests;

/// <summary>The endpoints of <see cref="MarathonApiDouble"/>.</summary>
internal sealed partial class MarathonApiDouble
{
    // GET /v2/apps/{app_id} ({"app": {...}}) and GET /v2/apps/{app_id}/tasks ({"tasks": [...]}).
    private IResult Get(string path, HttpContext http)
    {
        if (TryRefuse(http, out var refusal))
        {
            return refusal;
        }

        var tasks = path.EndsWith("/tasks", StringComparison.Ordinal);
        var id = "/" + (tasks ? path[..^"/tasks".Length] : path).Trim('/');
        var answer = Cluster.With(id, app => tasks
            ? (object)new { tasks = app.Tasks.Where(t => t.State is not "TASK_KILLED" and not "TASK_FAILED").Select(t => t.ToJson(app.HealthChecks)).ToList() }
            : new
            {
                app = new
                {
                    id = app.Id,
                    cmd = "sleep 3600",
                    instances = app.Instances,
                    cpus = 0.1,
                    mem = 32,
                    tasksStaged = app.Tasks.Count(t => t.State == "TASK_STAGING"),
                    tasksRunning = app.Tasks.Count(t => t.State == "TASK_RUNNING"),
                    tasksHealthy = app.Tasks.Count(t => t.HealthyAt is not null),
                    tasksUnhealthy = 0,
                    healthChecks = app.HealthChecks ? new[] { new { protocol = "HTTP", path = "/healthz", portIndex = 0, gracePeriodSeconds = 5 } } : [],
                    deployments = app.Deployment is { } d ? new[] { new { id = d } } : [],
                    tasks = app.Tasks.Select(t => t.ToJson(app.HealthChecks)).ToList(),
                },
            });
        return answer is null ? AppMissing(id) : Ok(answer);
    }

    // PUT /v2/apps/{app_id} with {"instances": N}: {"version", "deploymentId"}; 409 while a deployment locks the app.
    private async Task<IResult> PutAsync(string path, HttpContext http)
    {
        if (TryRefuse(http, out var refusal))
        {
            return refusal;
        }

        var id = "/" + path.Trim('/');
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        Writes.Enqueue($"PUT {id} {body.RootElement.GetRawText()}");
        if (!body.RootElement.TryGetProperty("instances", out var instances) || instances.ValueKind != JsonValueKind.Number || instances.GetInt32() < 0)
        {
            return Error(StatusCodes.Status422UnprocessableEntity, "Object is not valid");
        }

        var deployment = Guid.NewGuid().ToString();
        var locked = (string?)null;
        var found = Cluster.With(id, app =>
        {
            locked = TakeInjectedLock() ? Guid.NewGuid().ToString() : app.Deployment;
            if (locked is null)
            {
                app.Instances = instances.GetInt32();
                app.Deployment = deployment;
            }

            return true;
        });
        if (!found)
        {
            // Marathon creates an app on PUT to a new id; one without cmd, args or container is not valid.
            return Error(StatusCodes.Status422UnprocessableEntity, "Object is not valid");
        }

        return locked is not null ? Locked(locked) : Ok(new { version = "2026-12-07T12:00:01.000Z", deploymentId = deployment });
    }

    // POST /v2/tasks/delete?scale=true with {"ids": [...]}: kills those tasks and lowers their apps' instances.
    private async Task<IResult> DeleteTasksAsync(bool? scale, HttpContext http)
    {
        if (TryRefuse(http, out var refusal))
        {
            return refusal;
        }

        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        Writes.Enqueue($"POST /v2/tasks/delete{http.Request.QueryString} {body.RootElement.GetRawText()}");
        var ids = body.RootElement.GetProperty("ids").EnumerateArray().Select(i => i.GetString()).ToHashSet();
        var apps = ids.OfType<string>().Select(i => "/" + i[..i.LastIndexOf('.')].Replace('_', '/')).Distinct().ToList();
        var deployment = Guid.NewGuid().ToString();
        foreach (var id in apps)
        {
            if (Cluster.With(id, app => TakeInjectedLock() ? "injected" : app.Deployment) is { } locked)
            {
                return Locked(locked);
            }
        }

        foreach (var id in apps)
        {
            Cluster.With(id, app =>
            {
                var killed = app.Tasks.Where(t => ids.Contains(t.Id) && t.IsLive).ToList();
                killed.ForEach(t => (t.State, t.KillRequestedAt) = ("TASK_KILLING", TimeProvider.System.GetUtcNow()));
                app.Instances -= scale == true ? killed.Count : 0;
                app.Deployment = deployment;
                return true;
            });
        }

        return Ok(new { version = "2026-12-07T12:00:02.000Z", deploymentId = deployment });
    }
}
