using Force12.Queues.Core.Pods;

namespace Force12.Queues.Docker;

/// <summary>Labels the Docker orchestrator adds to those of <see cref="PodLabels"/>.</summary>
public static class DockerPodLabels
{
    /// <summary>
    /// <c>true</c> on every container of a standby pod (created, not started; see <see cref="PodTemplate.StandbyPods"/>).
    /// Labels cannot change after creation, so a promoted pod keeps it; a pod is standby only while every container is
    /// still in the <c>created</c> state.
    /// </summary>
    public const string Standby = "force12.standby";

    /// <summary>Hash of what the standby pod's containers were created from; a pod whose hash differs from the current template is removed, never started.</summary>
    public const string StandbySpec = "force12.standby-spec";

    /// <summary><c>true</c> on every container of a pod started warm (docs/pod-contract.md), promoted or not.</summary>
    public const string Warm = "force12.warm";

    /// <summary>On a pod started warm: seconds it may take to report warm before it counts as a cold pod.</summary>
    public const string WarmTimeoutSeconds = "force12.warm-timeout-seconds";
}
