namespace Force12.Queues.Simulation;

/// <summary>How one pipeline fared under one strategy.</summary>
public sealed record PipelineResult
{
    /// <summary>Pipeline name.</summary>
    public required string Pipeline { get; init; }

    /// <summary>Pipeline priority (1 highest).</summary>
    public required int Priority { get; init; }

    /// <summary>Messages processed within the SLA, percent of all scored messages (processed, plus those left over the SLA at the end).</summary>
    public required double WithinSlaPercent { get; init; }

    /// <summary>99th percentile of message delay (arrival to processed), seconds.</summary>
    public required double P99DelaySeconds { get; init; }

    /// <summary>Pod-seconds billed: pods starting, ready and stopping, integrated over the run.</summary>
    public required double PodSeconds { get; init; }

    /// <summary>Decisions that started or stopped at least one pod.</summary>
    public required int ScaleActions { get; init; }

    /// <summary>Percent of decisions at which the pool gave the pipeline all the pods its strategy asked for.</summary>
    public required double TimeAtNeedPercent { get; init; }

    /// <summary>Unprocessed messages when the run ended.</summary>
    public required double BacklogAtEnd { get; init; }

    /// <summary>Most pods (starting or ready) at any sample.</summary>
    public required int PeakPods { get; init; }
}
