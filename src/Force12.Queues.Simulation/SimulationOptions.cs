namespace Force12.Queues.Simulation;

/// <summary>Settings of the simulated world shared by every pipeline and strategy in a run.</summary>
public sealed record SimulationOptions
{
    /// <summary>Seed of every random draw (arrival noise, random traces). Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Step at which producers append and pods process, seconds. Default 0.1.</summary>
    public double TickSeconds { get; init; } = 0.1;

    /// <summary>How often Force12 polls lag and decides. Default 1 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>From asking for a pod to it consuming. Default 1 s.</summary>
    public TimeSpan PodStartLatency { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>From stopping a pod to its capacity being free again. Default 0.5 s.</summary>
    public TimeSpan PodStopLatency { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// Pause of a partition that moves to another consumer in a rebalance (cooperative-sticky: partitions
    /// that stay with their consumer keep flowing). Default 2 s.
    /// </summary>
    public TimeSpan RebalancePause { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Pod slots shared by all pipelines, or <c>null</c> (default) for no limit beyond each pipeline's maximum.</summary>
    public int? PoolPodSlots { get; init; }

    /// <summary>Run length; <c>null</c> (default) uses the longest trace.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>
    /// Forecast settings of an extra strategy <c>force12-forecast</c> (Force12 with a <see cref="Core.Forecasting.PipelineForecaster"/>
    /// per pipeline) in the standard comparison, or <c>null</c> (default) for none.
    /// </summary>
    public Core.Forecasting.ForecastOptions? Forecast { get; init; }

    /// <summary>Interval of the recorded time series. Default 1 s.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(1);
}
