namespace Force12.Queues.Core.Capacity;

/// <summary>One pipeline's claim on the pool for one allocation round.</summary>
public sealed record CapacityRequest
{
    /// <summary>Pipeline name; ties between equal priorities are broken by ordinal name order.</summary>
    public required string Pipeline { get; init; }

    /// <summary>Priority, 1 highest. Default 1.</summary>
    public int Priority { get; init; } = 1;

    /// <summary><c>true</c> for a remainder pipeline: served after every prioritised need, it takes whatever is idle up to <see cref="MaxPods"/>.</summary>
    public bool IsRemainder { get; init; }

    /// <summary>Pods guaranteed before any pipeline gets more than its minimum. Default 0.</summary>
    public int MinPods { get; init; }

    /// <summary>Most pods the pipeline may get. Default <see cref="int.MaxValue"/>.</summary>
    public int MaxPods { get; init; } = int.MaxValue;

    /// <summary>Pods the scaling policy asked for (clamped to [<see cref="MinPods"/>, <see cref="MaxPods"/>]).</summary>
    public int NeededPods { get; init; }

    /// <summary>Pods starting or ready (not stopping) right now.</summary>
    public int RunningPods { get; init; }

    /// <summary>Pods told to stop that have not stopped yet: their capacity is not free until they have.</summary>
    public int StoppingPods { get; init; }

    /// <summary>CPU and memory of one pod of this pipeline. Default <see cref="PodResources.SlotOnly"/>.</summary>
    public PodResources PerPod { get; init; } = PodResources.SlotOnly;
}
