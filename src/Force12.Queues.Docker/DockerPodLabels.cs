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
}
