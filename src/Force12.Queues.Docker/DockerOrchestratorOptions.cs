namespace Force12.Queues.Docker;

/// <summary>Settings of <see cref="DockerPodOrchestrator"/>.</summary>
public sealed record DockerOrchestratorOptions
{
    /// <summary>Docker Engine endpoint. Default <c>unix:///var/run/docker.sock</c>.</summary>
    public Uri Endpoint { get; init; } = new("unix:///var/run/docker.sock");

    /// <summary>Pods created at the same time during one scale-up. Default 8; at least 1.</summary>
    public int MaxParallelPodStarts { get; init; } = 8;

    /// <summary>
    /// Run Docker's init (tini) as PID 1 of each container (<c>docker run --init</c>). Default <c>false</c>.
    /// With it, SIGTERM reaches a program that has not installed a handler yet (PID 1 ignores such signals, so without
    /// init a pod stopped in its first moments waits out the grace period and is killed) and zombies are reaped; but a
    /// command that cannot be executed then fails after the start call instead of in it, so the pod is reported started
    /// and reconcile replaces it later instead of the start failing at once.
    /// </summary>
    public bool UseInit { get; init; }

    /// <summary>Prefix of container names (<c>&lt;prefix&gt;&lt;pod id&gt;-&lt;container&gt;</c>). Default <c>force12-</c>.</summary>
    public string ContainerNamePrefix { get; init; } = "force12-";
}
