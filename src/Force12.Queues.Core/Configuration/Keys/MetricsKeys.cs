namespace Force12.Queues.Core.Configuration;

/// <summary>The keys of the <c>metrics</c> section.</summary>
public static class MetricsKeys
{
    /// <summary><c>perPartition</c>: export backlog per partition or shard too.</summary>
    public const string PerPartition = "perPartition";

    /// <summary>Every key accepted in <c>metrics</c>.</summary>
    public static IReadOnlyList<string> All { get; } = [PerPartition];
}
