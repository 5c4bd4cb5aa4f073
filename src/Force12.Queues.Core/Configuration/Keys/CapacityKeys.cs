namespace Force12.Queues.Core.Configuration;

/// <summary>The keys of the <c>capacity</c> section (the shared pool).</summary>
public static class CapacityKeys
{
    /// <summary><c>podSlots</c>: most pods that may run at once.</summary>
    public const string PodSlots = "podSlots";

    /// <summary><c>cpu</c>: cores in the pool.</summary>
    public const string Cpu = "cpu";

    /// <summary><c>memory</c>: bytes in the pool.</summary>
    public const string Memory = "memory";

    /// <summary>Every key accepted in <c>capacity</c>.</summary>
    public static IReadOnlyList<string> All { get; } = [PodSlots, Cpu, Memory];
}
