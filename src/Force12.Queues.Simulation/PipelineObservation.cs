namespace Force12.Queues.Simulation;

/// <summary>What a scaling strategy sees of one pipeline when it polls, as a lag collector would report it.</summary>
public sealed record PipelineObservation
{
    /// <summary>Seconds since the start of the run.</summary>
    public required double Seconds { get; init; }

    /// <summary>Unprocessed messages summed over partitions.</summary>
    public required double BacklogMessages { get; init; }

    /// <summary>Age of the oldest unprocessed message, seconds (0 when there is none).</summary>
    public required double OldestAgeSeconds { get; init; }

    /// <summary>Arrivals per second since the previous poll.</summary>
    public required double ArrivalRatePerSecond { get; init; }

    /// <summary>Processed messages per second since the previous poll.</summary>
    public required double ProcessingRatePerSecond { get; init; }

    /// <summary>Pods starting or ready.</summary>
    public required int CurrentPods { get; init; }

    /// <summary>Pods ready and consuming.</summary>
    public required int ReadyPods { get; init; }

    /// <summary>Pods told to stop that have not stopped yet.</summary>
    public int StoppingPods { get; init; }

    /// <summary>Backlog of each partition.</summary>
    public required IReadOnlyList<double> PartitionBacklogs { get; init; }

    /// <summary>Arrivals per second of each partition since the previous poll.</summary>
    public required IReadOnlyList<double> PartitionArrivalRates { get; init; }
}
