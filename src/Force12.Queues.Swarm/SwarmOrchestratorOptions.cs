namespace Force12.Queues.Swarm;

/// <summary>Settings of <see cref="SwarmPodOrchestrator"/> (the agent-wide section <c>orchestrators.swarm</c>).</summary>
public sealed record SwarmOrchestratorOptions
{
    /// <summary>Default <see cref="ConvergenceTimeout"/>: 60 seconds.</summary>
    public static readonly TimeSpan DefaultConvergenceTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Docker Engine endpoint of a Swarm manager node. Default <c>unix:///var/run/docker.sock</c>.</summary>
    public Uri Endpoint { get; init; } = new("unix:///var/run/docker.sock");

    /// <summary>
    /// How long one scale call waits, after Swarm accepted the new replica count, for exactly that many tasks to run and
    /// the removed ones to be gone. Past it the call returns with a failure line saying how far Swarm got (Swarm keeps
    /// converging on its own). Default 60 s; 1 s to 1 hour.
    /// </summary>
    public TimeSpan ConvergenceTimeout { get; init; } = DefaultConvergenceTimeout;

    /// <summary>How often the tasks are listed while waiting for convergence. Default 250 ms; not configurable from the file.</summary>
    public TimeSpan ConvergencePollInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
