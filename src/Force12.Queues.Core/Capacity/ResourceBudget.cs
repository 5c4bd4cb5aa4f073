namespace Force12.Queues.Core.Capacity;

/// <summary>Capacity left while allocating; a mutable value used only inside <see cref="CapacityAllocator"/> and <see cref="WarmPodAllowance"/>.</summary>
internal struct ResourceBudget
{
    private long _slots;
    private double _cpu;
    private long _memory;

    public ResourceBudget(CapacityPool pool)
    {
        _slots = pool.PodSlots;
        _cpu = pool.Cpu ?? double.PositiveInfinity;
        _memory = pool.MemoryBytes ?? long.MaxValue;
    }

    /// <summary>How many of <paramref name="wanted"/> pods of <paramref name="perPod"/> fit.</summary>
    public readonly int Fit(int wanted, PodResources perPod)
    {
        long fit = Math.Min(Math.Max(0, wanted), Math.Max(0, _slots));
        if (perPod.Cpu > 0)
        {
            fit = Math.Min(fit, (long)Math.Floor(Math.Max(0, _cpu) / perPod.Cpu + 1e-9));
        }

        if (perPod.MemoryBytes > 0)
        {
            fit = Math.Min(fit, Math.Max(0, _memory) / perPod.MemoryBytes);
        }

        return (int)Math.Max(0, fit);
    }

    /// <summary>Takes <paramref name="pods"/> pods of <paramref name="perPod"/> (may go negative when over-committed already).</summary>
    public void Take(int pods, PodResources perPod)
    {
        _slots -= pods;
        _cpu -= pods * perPod.Cpu;
        _memory -= pods * perPod.MemoryBytes;
    }
}
