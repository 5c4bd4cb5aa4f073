namespace Force12.Queues.Core.Pods;

/// <summary>One container (or process) of a pod as the orchestrator sees it now.</summary>
public sealed record PodContainerInfo
{
    /// <summary>Container name within the pod (<see cref="ContainerTemplate.Name"/>).</summary>
    public required string Name { get; init; }

    /// <summary>Runtime id: the Docker container id, or the process id for processes.</summary>
    public required string Id { get; init; }

    /// <summary>Whether the container is running now.</summary>
    public required bool Running { get; init; }

    /// <summary>Exit code once it has exited, if the runtime knows it.</summary>
    public int? ExitCode { get; init; }
}
