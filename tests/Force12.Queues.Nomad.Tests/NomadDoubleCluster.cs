namespace Force12.Queues.Nomad.Tests;

/// <summary>
/// The state behind <see cref="NomadApiDouble"/>: jobs by namespace, each with task groups and a count, and their
/// allocations. <see cref="Step"/> plays the scheduler and the clients: it places allocations up to the count
/// (pending, running after <see cref="StartDelay"/>, healthy after as long again), stops the highest indexes beyond
/// it (complete after <see cref="StopDelay"/>) and replaces failed ones, as Nomad's reschedule policy does.
/// </summary>
internal sealed class NomadDoubleCluster
{
    public static readonly TimeSpan StartDelay = TimeSpan.FromMilliseconds(150);
    public static readonly TimeSpan StopDelay = TimeSpan.FromMilliseconds(150);

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Namespace, string Job), Dictionary<string, int>> _jobs = [];
    private readonly List<NomadDoubleAllocation> _allocations = [];
    private readonly TimeProvider _time;

    public NomadDoubleCluster(TimeProvider time) => _time = time;

    public void AddJob(string ns, string job, IReadOnlyDictionary<string, int> groups)
    {
        lock (_lock)
        {
            _jobs[(ns, job)] = new Dictionary<string, int>(groups, StringComparer.Ordinal);
        }
    }

    public void RemoveJob(string ns, string job)
    {
        lock (_lock)
        {
            _jobs.Remove((ns, job));
            _allocations.RemoveAll(a => a.Namespace == ns && a.Job == job);
        }
    }

    /// <summary>The job's groups and counts, or null when the job does not exist.</summary>
    public IReadOnlyDictionary<string, int>? Groups(string ns, string job)
    {
        lock (_lock)
        {
            return _jobs.TryGetValue((ns, job), out var groups) ? new Dictionary<string, int>(groups) : null;
        }
    }

    public void SetCount(string ns, string job, string group, int count)
    {
        lock (_lock)
        {
            _jobs[(ns, job)][group] = count;
        }
    }

    public List<NomadDoubleAllocation> Allocations(string ns, string job)
    {
        lock (_lock)
        {
            return _allocations.Where(a => a.Namespace == ns && a.Job == job).ToList();
        }
    }

    /// <summary>Marks an allocation failed, as a crashed task or a lost node would; the next step places its replacement.</summary>
    public bool Kill(string allocationId)
    {
        lock (_lock)
        {
            var allocation = _allocations.FirstOrDefault(a => a.Id == allocationId && a.IsLive);
            if (allocation is null)
            {
                return false;
            }

            allocation.ClientStatus = "failed";
            allocation.ModifiedAt = _time.GetUtcNow();
            return true;
        }
    }

    /// <summary>One pass of scheduler and clients.</summary>
    public void Step()
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            foreach (var ((ns, job), groups) in _jobs)
            {
                foreach (var (group, count) in groups)
                {
                    Schedule(ns, job, group, count, now);
                }
            }

            foreach (var allocation in _allocations)
            {
                Advance(allocation, now);
            }
        }
    }

    private void Schedule(string ns, string job, string group, int count, DateTimeOffset now)
    {
        var live = _allocations.Where(a => a.Namespace == ns && a.Job == job && a.Group == group && a.IsLive).OrderBy(a => a.Index).ToList();
        foreach (var surplus in live.Skip(count))
        {
            surplus.DesiredStatus = "stop";
            surplus.StopRequestedAt = now;
            surplus.ModifiedAt = now;
        }

        var used = live.Take(count).Select(a => a.Index).ToHashSet();
        for (var index = 0; used.Count < count; index++)
        {
            if (used.Add(index))
            {
                _allocations.Add(new NomadDoubleAllocation
                {
                    Id = Guid.NewGuid().ToString(), Namespace = ns, Job = job, Group = group, Index = index, CreatedAt = now, ModifiedAt = now,
                });
            }
        }
    }

    private static void Advance(NomadDoubleAllocation allocation, DateTimeOffset now)
    {
        if (allocation.DesiredStatus == "stop" && allocation.ClientStatus is "pending" or "running" && now - allocation.StopRequestedAt >= StopDelay)
        {
            allocation.ClientStatus = "complete";
            allocation.ModifiedAt = now;
        }
        else if (allocation.DesiredStatus == "run" && allocation.ClientStatus == "pending" && now - allocation.CreatedAt >= StartDelay)
        {
            allocation.ClientStatus = "running";
            allocation.StartedAt = now;
            allocation.ModifiedAt = now;
        }
        else if (allocation.ClientStatus == "running" && allocation.HealthyAt is null && now - allocation.StartedAt >= StartDelay)
        {
            allocation.HealthyAt = now;
            allocation.ModifiedAt = now;
        }
    }
}
