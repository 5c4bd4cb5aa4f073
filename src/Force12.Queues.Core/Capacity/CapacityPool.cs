namespace Force12.Queues.Core.Capacity;

/// <summary>The shared pool pipelines are allocated from: pod slots, and optionally CPU and memory.</summary>
public sealed record CapacityPool
{
    /// <summary>Most pods that may exist at once (starting, ready or stopping). Must be &gt;= 0.</summary>
    public required int PodSlots { get; init; }

    /// <summary>CPU cores available to pods, or <c>null</c> (default) when CPU is not limited.</summary>
    public double? Cpu { get; init; }

    /// <summary>Memory in bytes available to pods, or <c>null</c> (default) when memory is not limited.</summary>
    public long? MemoryBytes { get; init; }
}
