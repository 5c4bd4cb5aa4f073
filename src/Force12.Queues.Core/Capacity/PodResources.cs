namespace Force12.Queues.Core.Capacity;

/// <summary>What one pod of a pipeline's template takes from the pool besides its slot.</summary>
public sealed record PodResources
{
    /// <summary>No CPU or memory accounting: only the pod slot counts.</summary>
    public static PodResources SlotOnly { get; } = new();

    /// <summary>CPU cores one pod reserves. Default 0.</summary>
    public double Cpu { get; init; }

    /// <summary>Memory in bytes one pod reserves. Default 0.</summary>
    public long MemoryBytes { get; init; }
}
