namespace Force12.Queues.Simulation.Engine;

/// <summary>
/// The pods of one pipeline and which partitions each consumes. Membership changes trigger a
/// cooperative-sticky rebalance: partitions keep their consumer where quotas allow, and only partitions
/// that move pause for the rebalance pause.
/// </summary>
internal sealed class PodFleet(SimPartition[] partitions, SimulationOptions options)
{
    private readonly List<SimPod> _pods = [];
    private readonly SimPartition[] _partitions = partitions;
    private readonly double _startLatency = options.PodStartLatency.TotalSeconds;
    private readonly double _stopLatency = options.PodStopLatency.TotalSeconds;
    private readonly double _pause = options.RebalancePause.TotalSeconds;
    private int _nextId;

    public IReadOnlyList<SimPod> Pods => _pods;

    public int Count(PodState state) => _pods.Count(p => p.State == state);

    /// <summary>Pods billed now: starting, ready and stopping.</summary>
    public int Billed => _pods.Count;

    public void StartReady(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _pods.Add(new SimPod(_nextId++, PodState.Ready, 0));
        }

        Rebalance(0, pause: false);
    }

    /// <summary>Starts and stops pods; returns the times at which they finish starting or stopping.</summary>
    public IEnumerable<double> Apply(int start, int stop, double now)
    {
        var changed = false;
        // Stop the newest pods first: starting ones cost nothing to abandon, then the youngest ready ones.
        foreach (var pod in _pods.Where(p => p.State != PodState.Stopping).OrderBy(p => p.State == PodState.Ready).ThenByDescending(p => p.Id).Take(stop).ToList())
        {
            changed |= pod.State == PodState.Ready;
            pod.State = PodState.Stopping;
            pod.Since = now;
        }

        if (changed)
        {
            Rebalance(now, pause: true);
        }

        for (var i = 0; i < start; i++)
        {
            _pods.Add(new SimPod(_nextId++, PodState.Starting, now));
        }

        return (stop > 0 ? [now + _stopLatency] : Array.Empty<double>()).Concat(start > 0 ? [now + _startLatency] : []);
    }

    /// <summary>Finishes starts and stops that are due at <paramref name="now"/>.</summary>
    public void Advance(double now)
    {
        var changed = false;
        foreach (var pod in _pods.Where(p => p.State == PodState.Starting && p.Since + _startLatency <= now + 1e-9))
        {
            pod.State = PodState.Ready;
            pod.Since = now;
            changed = true;
        }

        _pods.RemoveAll(p => p.State == PodState.Stopping && p.Since + _stopLatency <= now + 1e-9);
        if (changed)
        {
            Rebalance(now, pause: true);
        }
    }

    private void Rebalance(double now, bool pause)
    {
        var ready = _pods.Where(p => p.State == PodState.Ready).OrderBy(p => p.Id).ToList();
        var quota = new Dictionary<int, int>();
        for (var i = 0; i < ready.Count; i++)
        {
            quota[ready[i].Id] = (_partitions.Length / ready.Count) + (i < _partitions.Length % ready.Count ? 1 : 0);
            ready[i].Partitions.Clear();
        }

        foreach (var pod in _pods.Where(p => p.State != PodState.Ready))
        {
            pod.Partitions.Clear();
        }

        var orphans = new List<int>();
        var byId = ready.ToDictionary(p => p.Id);
        for (var p = 0; p < _partitions.Length; p++)
        {
            var owner = _partitions[p].Owner;
            if (byId.TryGetValue(owner, out var pod) && pod.Partitions.Count < quota[owner])
            {
                pod.Partitions.Add(p);
            }
            else
            {
                orphans.Add(p);
            }
        }

        var next = 0;
        foreach (var p in orphans)
        {
            while (next < ready.Count && ready[next].Partitions.Count >= quota[ready[next].Id])
            {
                next++;
            }

            var newOwner = next < ready.Count ? ready[next] : null;
            newOwner?.Partitions.Add(p);
            _partitions[p].Owner = newOwner?.Id ?? -1;
            if (pause && newOwner is not null)
            {
                _partitions[p].PausedUntil = now + _pause;
            }
        }
    }
}
