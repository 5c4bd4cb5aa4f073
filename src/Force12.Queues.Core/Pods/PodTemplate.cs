using System.Collections.Immutable;

namespace Force12.Queues.Core.Pods;

/// <summary>
/// What one pod of a pipeline looks like. A pod is started and stopped as one unit: every container,
/// or none of them.
/// </summary>
public sealed record PodTemplate
{
    /// <summary>Default <see cref="StopGracePeriod"/>: 10 seconds.</summary>
    public static readonly TimeSpan DefaultStopGracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Name of the pipeline the pods belong to: lowercase letters, digits, '-', '_' and '.', starting with a letter
    /// or digit, 1 to 63 characters. Required. Pods are found again by it.
    /// </summary>
    public required string Pipeline { get; init; }

    /// <summary>The containers of each pod, in start order; the first owns the pod's network namespace. At least one.</summary>
    public required IReadOnlyList<ContainerTemplate> Containers { get; init; }

    /// <summary>Networking of the pod. Default <see cref="PodNetworkMode.Pod"/>.</summary>
    public PodNetworkMode NetworkMode { get; init; } = PodNetworkMode.Pod;

    /// <summary>Network to attach the pod to; required when <see cref="NetworkMode"/> is <see cref="PodNetworkMode.Network"/>, otherwise must be <c>null</c>.</summary>
    public string? NetworkName { get; init; }

    /// <summary>Time between SIGTERM and SIGKILL when a pod is stopped. Default 10 s; 0 to 1 hour, whole seconds for Docker.</summary>
    public TimeSpan StopGracePeriod { get; init; } = DefaultStopGracePeriod;

    /// <summary>
    /// Standby pods to keep ready while the pipeline runs at least one pod: their containers are created but not started,
    /// so a scale-up only starts them (orchestrators that support it: <c>docker</c>). They are never reported as pods,
    /// use no CPU or memory (only disk), and are removed when the pipeline scales to zero. Default 0 (none); 0 to 100.
    /// </summary>
    public int StandbyPods { get; init; }

    /// <summary>
    /// Warm pods to keep per pipeline (docs/pod-contract.md): started with <c>FORCE12_WARM=1</c>, connected but not
    /// consuming. A scale-up promotes them first (one file write each), then starts cold pods; the pool is refilled in
    /// the background after each scale call, also at zero running pods; they are stopped first. Orchestrators that
    /// support it: <c>process</c> and <c>docker</c>. Default 0 (none); 0 to 100.
    /// </summary>
    public int WarmPods { get; init; }

    /// <summary>
    /// How long a pod started warm may take to report warm before it is treated as a cold pod that ignores the contract.
    /// Default 30 s; 1 s to 1 hour.
    /// </summary>
    public TimeSpan WarmTimeout { get; init; } = DefaultWarmTimeout;

    /// <summary>
    /// Whether warm pods take room in the shared capacity pool. Default <c>false</c>: they are idle consumers, never
    /// counted, and turning them on changes no pipeline's share. <c>true</c> (for pools that stand for a host's real CPU
    /// and memory): they count in the pipeline's capacity used and are kept only in room that no pod uses or is allocated,
    /// so they are the first to go when any pipeline needs the room (see <see cref="Capacity.WarmPodAllowance"/>).
    /// </summary>
    public bool WarmCountsAgainstCapacity { get; init; }

    /// <summary>Default <see cref="WarmTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultWarmTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Extra labels put on every container of the pod. Keys starting with <c>force12.</c> are reserved. Default empty.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// The template of a pipeline whose pods the engine defines (a Kubernetes workload's pod template, a Nomad task group,
    /// an ECS task definition): it names the pipeline and holds no containers. Orchestrators of such kinds (see
    /// <see cref="IPodOrchestratorProvider.PodDefinedBy"/>) receive it and scale the pipeline's target instead.
    /// </summary>
    public static PodTemplate DefinedByEngine(string pipeline) => new() { Pipeline = pipeline, Containers = [] };

    /// <summary>True for a template made by <see cref="DefinedByEngine"/>: no containers, the engine defines the pod.</summary>
    public bool IsDefinedByEngine => Containers.Count == 0;
}
