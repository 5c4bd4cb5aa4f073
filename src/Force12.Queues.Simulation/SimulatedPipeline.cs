using Force12.Queues.Core.Scaling;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Simulation;

/// <summary>One simulated pipeline: a topic with partitions, producers following a trace, and its pods.</summary>
public sealed record SimulatedPipeline
{
    /// <summary>Name shown in reports and used to break priority ties.</summary>
    public required string Name { get; init; }

    /// <summary>Producers' demand over time.</summary>
    public required IDemandTrace Trace { get; init; }

    /// <summary>Priority on the shared pool, 1 highest. Default 1.</summary>
    public int Priority { get; init; } = 1;

    /// <summary><c>true</c> for a remainder pipeline that only takes idle capacity. Default <c>false</c>.</summary>
    public bool IsRemainder { get; init; }

    /// <summary>Partitions of the topic; one consumer (pod) reads each. Default 100.</summary>
    public int Partitions { get; init; } = 100;

    /// <summary>True messages per second one pod processes when it has work. Default 100.</summary>
    public double PodThroughput { get; init; } = 100;

    /// <summary>Seconds one message takes inside a pod, added to its delay. Default 0.01 (1 / 100 msg/s).</summary>
    public double ServiceTimeSeconds { get; init; } = 0.01;

    /// <summary>The policy settings (SLA, min and max pods, prior throughput...). The SLA also scores every strategy.</summary>
    public SlaPolicyOptions Policy { get; init; } = new();
}
