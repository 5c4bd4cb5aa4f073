namespace Force12.Queues.Tools.Demo;

/// <summary>Choices of <c>force12 demo</c>; defaults run the whole loop with nothing but the .NET SDK.</summary>
internal sealed record DemoOptions
{
    /// <summary><c>single</c> (default: the bulbs pipeline alone) or <c>priorities</c> (bulbs at priority 1 and a background job at priority 2 on 9 pod slots).</summary>
    public string Scenario { get; init; } = DemoScenario.Single;

    /// <summary>How long the demo runs before it stops by itself. Default 2 minutes.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary><c>process</c> (default: pods are local processes) or <c>docker</c> (real containers; needs dockerd and the bulbs image).</summary>
    public string Orchestrator { get; init; } = "process";

    /// <summary>Loopback port of the live page, metrics and status. Default 8412.</summary>
    public int Port { get; init; } = 8412;

    /// <summary>The pipeline's SLA. Default 10 s.</summary>
    public TimeSpan Sla { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Partitions of the bulbs topic, the most pods that can help, in the <c>single</c> scenario (<c>priorities</c> has 8 of its 9 slots). Default 12.</summary>
    public int Partitions { get; init; } = 12;

    /// <summary>Bulbs that switch on at dusk. Default 20,000.</summary>
    public int Bulbs { get; init; } = 20_000;

    /// <summary>Work per message in each pod, in milliseconds: sets one pod's throughput. Default 4 ms (about 250 messages/s).</summary>
    public double WorkMilliseconds { get; init; } = 4;

    /// <summary>Seed of the random demand between spikes.</summary>
    public ulong Seed { get; init; } = 12;
}
