namespace Force12.Queues.Ecs.Tests.Double;

/// <summary>
/// The double's clusters, services and tasks, and its service scheduler. <see cref="Step"/> (called by the double every
/// few milliseconds) moves each task one status on after <see cref="StatusDelay"/> (PROVISIONING, PENDING, RUNNING; and
/// DEACTIVATING, STOPPING, STOPPED once stopped), starts tasks while a service runs fewer than its desired count, and
/// stops unprotected tasks while it runs more, as ECS does: protected tasks are never chosen for a scale-in.
/// </summary>
internal sealed class EcsDoubleState(TimeProvider time)
{
    /// <summary>Time a task stays in each status before the next.</summary>
    public static readonly TimeSpan StatusDelay = TimeSpan.FromMilliseconds(120);

    private readonly HashSet<string> _clusters = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Cluster, string Name), EcsDoubleService> _services = [];
    private readonly List<EcsDoubleTask> _tasks = [];
    private int _taskNumber;

    /// <summary>Guards every member: the HTTP handlers and the scheduler take it.</summary>
    public Lock Gate { get; } = new();

    /// <summary>Application Auto Scaling resource ids (<c>service/CLUSTER/SERVICE</c>) with a registered target on the desired count.</summary>
    public HashSet<string> ScalableTargets { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset Now => time.GetUtcNow();

    public IEnumerable<EcsDoubleTask> Tasks => _tasks;

    public void AddCluster(string cluster) => _clusters.Add(cluster);

    public bool HasCluster(string cluster) => _clusters.Contains(ShortName(cluster));

    public EcsDoubleService AddService(string cluster, string name, int desiredCount)
    {
        AddCluster(cluster);
        return _services[(cluster, name)] = new EcsDoubleService { Cluster = cluster, Name = name, DesiredCount = desiredCount };
    }

    public EcsDoubleService? Service(string cluster, string name) => _services.GetValueOrDefault((ShortName(cluster), name));

    /// <summary>Deletes the service (DescribeServices then reports it MISSING) and stops its tasks.</summary>
    public void RemoveService(string cluster, string name)
    {
        _services.Remove((cluster, name));
        foreach (var task in _tasks.Where(t => t.Service == name && t.DesiredStatus == "RUNNING"))
        {
            Stop(task);
        }
    }

    public IEnumerable<EcsDoubleTask> TasksOf(EcsDoubleService service) => _tasks.Where(t => t.Service == service.Name);

    public EcsDoubleTask? Task(string idOrArn) => _tasks.FirstOrDefault(t => t.Arn == idOrArn || t.Id == idOrArn);

    public void Stop(EcsDoubleTask task)
    {
        if (task.DesiredStatus != "STOPPED")
        {
            task.DesiredStatus = "STOPPED";
            task.LastStatus = "DEACTIVATING";
            task.ChangedAt = Now;
        }
    }

    /// <summary>One pass of the lifecycle and the scheduler.</summary>
    public void Step()
    {
        var now = Now;
        foreach (var task in _tasks.Where(t => now - t.ChangedAt >= StatusDelay).ToList())
        {
            Advance(task, now);
        }

        _tasks.RemoveAll(t => t.LastStatus == "STOPPED" && now - t.ChangedAt > TimeSpan.FromSeconds(30));
        foreach (var service in _services.Values.Where(s => s.Status == "ACTIVE"))
        {
            Schedule(service, now);
        }
    }

    private static void Advance(EcsDoubleTask task, DateTimeOffset now)
    {
        var next = task.LastStatus switch
        {
            "PROVISIONING" => "PENDING",
            "PENDING" => "RUNNING",
            "DEACTIVATING" => "STOPPING",
            "STOPPING" => "STOPPED",
            _ => task.LastStatus,
        };
        if (next == task.LastStatus)
        {
            return;
        }

        task.LastStatus = next;
        task.ChangedAt = now;
        task.StartedAt = next == "RUNNING" ? now : task.StartedAt;
        task.StoppedAt = next == "STOPPED" ? now : task.StoppedAt;
    }

    private void Schedule(EcsDoubleService service, DateTimeOffset now)
    {
        var alive = TasksOf(service).Where(t => t.DesiredStatus == "RUNNING").ToList();
        for (var missing = service.DesiredCount - alive.Count; missing > 0; missing--)
        {
            var id = $"{Interlocked.Increment(ref _taskNumber):x4}{Guid.NewGuid():N}"[..32];
            _tasks.Add(new EcsDoubleTask
            {
                Arn = $"arn:aws:ecs:{EcsApiDouble.Region}:{EcsApiDouble.Account}:task/{service.Cluster}/{id}",
                Service = service.Name,
                CreatedAt = now,
                ChangedAt = now,
            });
        }

        // Scale-in: only unprotected tasks; protected ones are skipped, as ECS does. ECS balances Availability Zones and
        // documents no order among tasks: the double stops the oldest first (ties by id), the opposite of the agent's
        // own choice, so a test sees whether the agent's protection steered it.
        var surplus = alive.Count - service.DesiredCount;
        foreach (var task in alive.Where(t => t.ProtectedUntil is null || t.ProtectedUntil <= now)
                     .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal).Take(Math.Max(0, surplus)))
        {
            Stop(task);
        }
    }

    // "arn:aws:ecs:r:a:cluster/prod" -> "prod"
    private static string ShortName(string cluster) => cluster[(cluster.LastIndexOf('/') + 1)..];
}
