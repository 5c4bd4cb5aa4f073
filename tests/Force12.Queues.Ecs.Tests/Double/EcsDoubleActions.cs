using System.Text.Json.Nodes;

namespace Force12.Queues.Ecs.Tests.Double;

/// <summary>
/// The ECS actions of the double, answering with the request and response shapes of the published ECS API reference
/// (API version 2014-11-13): DescribeServices, UpdateService, ListTasks, DescribeTasks, UpdateTaskProtection, StopTask.
/// Callers hold <see cref="EcsDoubleState.Gate"/>.
/// </summary>
internal static class EcsDoubleActions
{
    public static (int Status, JsonObject Body) Handle(EcsDoubleState state, string action, JsonNode request)
    {
        var cluster = request["cluster"]?.GetValue<string>() ?? "default";
        if (!state.HasCluster(cluster))
        {
            return EcsApiDouble.Error("ClusterNotFoundException", "Cluster not found.");
        }

        return action switch
        {
            "DescribeServices" => DescribeServices(state, cluster, request),
            "UpdateService" => UpdateService(state, cluster, request),
            "ListTasks" => ListTasks(state, cluster, request),
            "DescribeTasks" => DescribeTasks(state, request),
            "UpdateTaskProtection" => UpdateTaskProtection(state, request),
            "StopTask" => StopTask(state, request),
            _ => EcsApiDouble.Error("UnknownOperationException", $"The action {action} is not valid for this web service."),
        };
    }

    private static (int, JsonObject) DescribeServices(EcsDoubleState state, string cluster, JsonNode request)
    {
        var services = new JsonArray();
        var failures = new JsonArray();
        foreach (var name in (request["services"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()))
        {
            if (state.Service(cluster, name) is { } service)
            {
                services.Add(Describe(state, service));
            }
            else
            {
                failures.Add(new JsonObject { ["arn"] = $"arn:aws:ecs:{EcsApiDouble.Region}:{EcsApiDouble.Account}:service/{cluster}/{name}", ["reason"] = "MISSING" });
            }
        }

        return (200, new JsonObject { ["services"] = services, ["failures"] = failures });
    }

    private static (int, JsonObject) UpdateService(EcsDoubleState state, string cluster, JsonNode request)
    {
        var service = state.Service(cluster, request["service"]?.GetValue<string>() ?? "");
        if (service is null)
        {
            return EcsApiDouble.Error("ServiceNotFoundException", "Service not found.");
        }

        if (service.Status != "ACTIVE")
        {
            return EcsApiDouble.Error("ServiceNotActiveException", "Service was not ACTIVE.");
        }

        if (request["desiredCount"] is { } desired)
        {
            var count = desired.GetValue<int>();
            if (count < 0)
            {
                return EcsApiDouble.Error("InvalidParameterException", "desiredCount can't be negative.");
            }

            service.DesiredCount = count;
        }

        return (200, new JsonObject { ["service"] = Describe(state, service) });
    }

    private static (int, JsonObject) ListTasks(EcsDoubleState state, string cluster, JsonNode request)
    {
        var name = request["serviceName"]?.GetValue<string>();
        var service = name is null ? null : state.Service(cluster, name);
        if (name is not null && service is null)
        {
            return EcsApiDouble.Error("ServiceNotFoundException", "Service not found.");
        }

        var desired = request["desiredStatus"]?.GetValue<string>() ?? "RUNNING";
        var arns = (service is null ? state.Tasks : state.TasksOf(service)).Where(t => t.DesiredStatus == desired).Select(t => t.Arn).ToList();
        var start = int.Parse(request["nextToken"]?.GetValue<string>() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var size = request["maxResults"]?.GetValue<int>() ?? 100;
        var page = new JsonObject { ["taskArns"] = new JsonArray([.. arns.Skip(start).Take(size).Select(a => (JsonNode?)a)]) };
        if (start + size < arns.Count)
        {
            page["nextToken"] = (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return (200, page);
    }

    private static (int, JsonObject) DescribeTasks(EcsDoubleState state, JsonNode request)
    {
        var tasks = new JsonArray();
        var failures = new JsonArray();
        foreach (var id in (request["tasks"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()))
        {
            if (state.Task(id) is { } task)
            {
                tasks.Add(EcsDoubleShapes.Task(task));
            }
            else
            {
                failures.Add(new JsonObject { ["arn"] = id, ["reason"] = "MISSING" });
            }
        }

        return (200, new JsonObject { ["tasks"] = tasks, ["failures"] = failures });
    }

    private static (int, JsonObject) UpdateTaskProtection(EcsDoubleState state, JsonNode request)
    {
        var ids = (request["tasks"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()).ToList();
        var minutes = request["expiresInMinutes"]?.GetValue<int>() ?? 120;
        if (ids.Count is 0 or > 10 || minutes is < 1 or > 2880)
        {
            return EcsApiDouble.Error("InvalidParameterException", "tasks must hold 1 to 10 tasks and expiresInMinutes be 1 to 2880.");
        }

        var enabled = request["protectionEnabled"]?.GetValue<bool>() ?? false;
        var protectedTasks = new JsonArray();
        var failures = new JsonArray();
        foreach (var id in ids)
        {
            if (state.Task(id) is not { DesiredStatus: "RUNNING" } task)
            {
                failures.Add(new JsonObject { ["arn"] = id, ["reason"] = "TASK_NOT_VALID" });
                continue;
            }

            task.ProtectedUntil = enabled ? state.Now.AddMinutes(minutes) : null;
            protectedTasks.Add(new JsonObject { ["taskArn"] = task.Arn, ["protectionEnabled"] = enabled, ["expirationDate"] = EcsDoubleShapes.Seconds(task.ProtectedUntil) });
        }

        return (200, new JsonObject { ["protectedTasks"] = protectedTasks, ["failures"] = failures });
    }

    private static (int, JsonObject) StopTask(EcsDoubleState state, JsonNode request)
    {
        if (state.Task(request["task"]?.GetValue<string>() ?? "") is not { } task)
        {
            return EcsApiDouble.Error("InvalidParameterException", "The referenced task was not found.");
        }

        state.Stop(task);
        return (200, new JsonObject { ["task"] = EcsDoubleShapes.Task(task) });
    }

    private static JsonObject Describe(EcsDoubleState state, EcsDoubleService service)
    {
        var alive = state.TasksOf(service).Where(t => t.DesiredStatus == "RUNNING").ToList();
        var running = alive.Count(t => t.LastStatus == "RUNNING");
        var pending = alive.Count - running;
        return EcsDoubleShapes.Service(service, running, pending);
    }
}
