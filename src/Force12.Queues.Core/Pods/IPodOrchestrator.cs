namespace Force12.Queues.Core.Pods;

/// <summary>
/// Runs a pipeline's pods on one platform (Docker, local processes, later Swarm and Kubernetes).
/// Every call acts on whole pods: a pod is all of its template's containers, started together or not at all.
/// Implementations find their pods again from labels or state they wrote themselves, so a new instance
/// adopts what an earlier one started; they never touch anything without their labels.
/// Calls for one pipeline are serialized within an instance.
/// </summary>
public interface IPodOrchestrator
{
    /// <summary>Name that configuration uses to select this orchestrator, for example <c>docker</c> or <c>process</c>.</summary>
    string Kind { get; }

    /// <summary>
    /// Every problem with <paramref name="podTemplate"/> for this orchestrator (common rules and its own); empty when valid.
    /// Each is <c>&lt;path&gt;: &lt;problem&gt;</c> naming the configuration key as written, for example
    /// <c>pipelines.bulbs.pod.containers[0].image: is required by the docker orchestrator</c>
    /// (paths from <see cref="PodTemplateValidator.PathOf"/> and <see cref="PodTemplateValidator.ContainerPath"/>).
    /// </summary>
    IReadOnlyList<string> Validate(PodTemplate podTemplate);

    /// <summary>The pipeline's pods, including broken and stopping ones, oldest first.</summary>
    Task<IReadOnlyList<PodInfo>> ListPodsAsync(string pipeline, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes <paramref name="replicas"/> healthy pods run: removes broken pods, starts missing pods in parallel, and
    /// stops surplus pods gracefully, chosen by <see cref="ScaleDownVictims"/>. Returns when started pods are running
    /// and stopped pods are gone.
    /// </summary>
    /// <exception cref="PodTemplateException">The template is invalid for this orchestrator.</exception>
    Task<PodOperationResult> ScaleAsync(PodTemplate podTemplate, int replicas, CancellationToken cancellationToken = default);

    /// <summary>Stops the chosen pods gracefully (SIGTERM, the grace period, then SIGKILL) and removes them. Unknown ids are ignored.</summary>
    Task<PodOperationResult> StopPodsAsync(string pipeline, IReadOnlyCollection<string> podIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces each broken pod (a container exited or is missing) with a new one, removing the broken pod whole,
    /// and cleans up leftover exited containers. Keeps the number of pods.
    /// </summary>
    /// <exception cref="PodTemplateException">The template is invalid for this orchestrator.</exception>
    Task<PodOperationResult> ReconcileAsync(PodTemplate podTemplate, CancellationToken cancellationToken = default);
}
