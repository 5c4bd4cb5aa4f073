namespace Force12.Queues.Marathon.Tests;

/// <summary>
/// The state behind <see cref="MarathonApiDouble"/>: apps with their instances and tasks, and the deployment each
/// write starts. <see cref="Step"/> plays Marathon and Mesos: it stages tasks up to the instances (running after
/// <see cref="StartDelay"/>, healthy after as long again when the app has a health check), kills the newest beyond
/// them (gone after <see cref="KillDelay"/>), replaces failed ones, and ends a deployment once the app converged.
/// While a deployment runs the app is locked: writes are refused (409), as Marathon does without <c>?force=true</c>.
/// </summary>
internal sealed class MarathonDoubleCluster
{
    public static readonly TimeSpan StartDelay = TimeSpan.FromMilliseconds(150);
    public static readonly TimeSpan KillDelay = TimeSpan.FromMilliseconds(150);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, MarathonDoubleApp> _apps = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public MarathonDoubleCluster(TimeProvider time) => _time = time;

    public void AddApp(string id, int instances = 0, bool healthChecks = true)
    {
        lock (_lock)
        {
            _apps[id] = new MarathonDoubleApp(id, healthChecks) { Instances = instances };
        }
    }

    public void RemoveApp(string id)
    {
        lock (_lock)
        {
            _apps.Remove(id);
        }
    }

    /// <summary>Runs <paramref name="read"/> on the app under the lock; default when the app does not exist.</summary>
    public T? With<T>(string id, Func<MarathonDoubleApp, T> read)
    {
        lock (_lock)
        {
            return _apps.TryGetValue(id, out var app) ? read(app) : default;
        }
    }

    /// <summary>Marks a task failed, as a crash or a lost agent would; the next step drops it and stages its replacement.</summary>
    public bool Kill(string taskId)
    {
        lock (_lock)
        {
            var task = _apps.Values.SelectMany(a => a.Tasks).FirstOrDefault(t => t.Id == taskId && t.IsLive);
            task?.State = "TASK_FAILED";
            return task is not null;
        }
    }

    /// <summary>One pass of Marathon's scheduler and the agents.</summary>
    public void Step()
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            foreach (var app in _apps.Values)
            {
                app.Tasks.RemoveAll(t => t.State is "TASK_FAILED" or "TASK_KILLED");
                var live = app.Tasks.Where(t => t.IsLive).OrderBy(t => t.StagedAt).ToList();
                foreach (var surplus in live.Skip(app.Instances).Reverse())
                {
                    surplus.State = "TASK_KILLING";
                    surplus.KillRequestedAt = now;
                }

                for (var missing = app.Instances - live.Count; missing > 0; missing--)
                {
                    app.Tasks.Add(new MarathonDoubleTask { Id = $"{app.Id.Trim('/').Replace('/', '_')}.{Guid.NewGuid()}", AppId = app.Id, StagedAt = now });
                }

                app.Tasks.ForEach(t => Advance(t, app.HealthChecks, now));
                if (app.Deployment is not null && app.Tasks.Count == app.Instances && app.Tasks.TrueForAll(t => t.State == "TASK_RUNNING" && (!app.HealthChecks || t.HealthyAt is not null)))
                {
                    app.Deployment = null;
                }
            }
        }
    }

    private static void Advance(MarathonDoubleTask task, bool healthChecks, DateTimeOffset now)
    {
        if (task.State == "TASK_KILLING" && now - task.KillRequestedAt >= KillDelay)
        {
            task.State = "TASK_KILLED";
        }
        else if (task.State == "TASK_STAGING" && now - task.StagedAt >= StartDelay)
        {
            task.State = "TASK_RUNNING";
            task.StartedAt = now;
        }
        else if (healthChecks && task.State == "TASK_RUNNING" && task.HealthyAt is null && now - task.StartedAt >= StartDelay)
        {
            task.HealthyAt = now;
        }
    }
}

/// <summary>One app of <see cref="MarathonDoubleCluster"/>.</summary>
internal sealed class MarathonDoubleApp(string id, bool healthChecks)
{
    public string Id { get; } = id;

    public bool HealthChecks { get; } = healthChecks;

    public int Instances { get; set; }

    /// <summary>The running deployment's id; null when none locks the app.</summary>
    public string? Deployment { get; set; }

    public List<MarathonDoubleTask> Tasks { get; } = [];
}
