namespace Force12.Queues.Core.Capacity;

/// <summary>What one pipeline gets in an allocation round.</summary>
public sealed record PipelineAllocation
{
    /// <summary>The pipeline's name.</summary>
    public required string Pipeline { get; init; }

    /// <summary>Pods the pipeline is entitled to once in-flight stops have finished.</summary>
    public required int TargetPods { get; init; }

    /// <summary>Pods to start now: limited to capacity that is free now (stopping pods still hold theirs).</summary>
    public required int PodsToStart { get; init; }

    /// <summary>Pods to stop now (running above <see cref="TargetPods"/>).</summary>
    public required int PodsToStop { get; init; }

    /// <summary>Of <see cref="PodsToStop"/>, those stopped only to make room for a higher priority.</summary>
    public required int PreemptedPods { get; init; }

    /// <summary>Pods of the clamped need that the pool could not give (0 for remainder pipelines).</summary>
    public required int ShortOfNeed { get; init; }
}
