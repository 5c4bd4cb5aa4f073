namespace Force12.Queues.Core.Pods;

/// <summary>
/// Labels (Docker, Swarm, Kubernetes) or state-file keys (processes) that mark what Force12 manages.
/// An orchestrator never touches a container that lacks <see cref="Pipeline"/> and <see cref="Pod"/>.
/// </summary>
public static class PodLabels
{
    /// <summary>Prefix reserved for the orchestrator's own labels.</summary>
    public const string Prefix = "force12.";

    /// <summary>Pipeline name.</summary>
    public const string Pipeline = "force12.pipeline";

    /// <summary>Pod id, shared by every container of one pod.</summary>
    public const string Pod = "force12.pod";

    /// <summary>Container name within the pod (from <see cref="ContainerTemplate.Name"/>).</summary>
    public const string Container = "force12.container";

    /// <summary>Position of the container in the pod (0 owns the network namespace).</summary>
    public const string ContainerIndex = "force12.container-index";

    /// <summary>Number of containers a complete pod has; fewer means the pod is broken.</summary>
    public const string PodSize = "force12.pod-size";

    /// <summary>When the pod was created, Unix milliseconds (UTC).</summary>
    public const string CreatedAt = "force12.created-unix-ms";

    /// <summary>Stop grace period in whole seconds, so a restarted orchestrator stops adopted pods the same way.</summary>
    public const string StopGraceSeconds = "force12.stop-grace-seconds";

    /// <summary>Environment variable with the pipeline name, set in every container.</summary>
    public const string PipelineVariable = "FORCE12_PIPELINE";

    /// <summary>Environment variable with the pod id, set in every container.</summary>
    public const string PodVariable = "FORCE12_POD";

    /// <summary>Environment variable with the container name, set in every container.</summary>
    public const string ContainerVariable = "FORCE12_CONTAINER";
}
