namespace Force12.Queues.Docker;

/// <summary>Settings of <see cref="DockerPodOrchestrator"/>.</summary>
public sealed record DockerOrchestratorOptions
{
    /// <summary>Docker Engine endpoint. Default <c>unix:///var/run/docker.sock</c>.</summary>
    public Uri Endpoint { get; init; } = new("unix:///var/run/docker.sock");

    /// <summary>Pods created at the same time during one scale-up. Default 8; at least 1.</summary>
    public int MaxParallelPodStarts { get; init; } = 8;

    /// <summary>Prefix of container names (<c>&lt;prefix&gt;&lt;pod id&gt;-&lt;container&gt;</c>). Default <c>force12-</c>.</summary>
    public string ContainerNamePrefix { get; init; } = "force12-";
}
