using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Tools.Demo;

/// <summary>One pipeline of a demo scenario: its topic (named like the pipeline), its policy and the load played into it.</summary>
internal sealed record DemoPipeline
{
    /// <summary>Pipeline name, also the topic and the consumer group of its pods.</summary>
    public required string Name { get; init; }

    /// <summary>Priority on the shared pool; 1 is the highest. Default 1.</summary>
    public int Priority { get; init; } = 1;

    /// <summary>The pipeline's SLA.</summary>
    public required TimeSpan Sla { get; init; }

    /// <summary>Pods the pipeline always keeps. Default 1.</summary>
    public int MinPods { get; init; } = 1;

    /// <summary>Partitions of the topic, also the pipeline's most pods (more could not help).</summary>
    public required int Partitions { get; init; }

    /// <summary>Work per message in each pod, in milliseconds: sets one pod's throughput.</summary>
    public required double WorkMilliseconds { get; init; }

    /// <summary>Messages per second played into the topic over the run.</summary>
    public required IDemandTrace Rate { get; init; }

    /// <summary>Messages one pod processes per second: what the agent is told until it learns it.</summary>
    public double PerPodThroughput => 1000 / WorkMilliseconds;
}
