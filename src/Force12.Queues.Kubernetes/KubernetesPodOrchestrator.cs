using Force12.Queues.Core.Pods;
using k8s;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Kubernetes;

/// <summary>
/// The <c>kubernetes</c> orchestrator (direct mode): each pipeline scales one Deployment or StatefulSet through its
/// scale subresource, and the ReplicaSet (or StatefulSet) controller starts, replaces and removes the pods. The pod is
/// the workload's own pod template. Before acting it stands back from a workload that a HorizontalPodAutoscaler (or
/// KEDA, through its HPA) scales; before lowering replicas it marks the victims chosen by <see cref="ScaleDownVictims"/>
/// with <see cref="KubernetesPodDeletionCost"/> so the controller removes exactly those. Calls return once the API
/// server accepted the count; pods converge afterwards. Failures throw <see cref="KubernetesOrchestratorException"/>
/// naming the workload and the API server. Calls for one pipeline are serialized.
/// </summary>
public sealed class KubernetesPodOrchestrator : IPodOrchestrator
{
    /// <summary>The kind pipelines select: <c>kubernetes</c>.</summary>
    public const string KindName = "kubernetes";

    private readonly IReadOnlyDictionary<string, KubernetesTarget> _targets;
    private readonly Lazy<KubernetesWorkloadApi> _api;
    private readonly ILogger _logger;
    private readonly PipelineLocks _locks = new();
    private readonly PodStartRecorder _starts;

    /// <summary>
    /// Creates the orchestrator for <paramref name="targets"/> (pipeline name to workload). <paramref name="client"/> is
    /// called on the first API call, not before, and again after it threw (a kubeconfig fixed meanwhile is picked up).
    /// With <paramref name="metrics"/>, each pod's time from its <c>creationTimestamp</c> to its Ready condition's
    /// <c>lastTransitionTime</c> is recorded once, when a listing first shows it ready.
    /// </summary>
    public KubernetesPodOrchestrator(
        IReadOnlyDictionary<string, KubernetesTarget> targets, Func<IKubernetes> client, TimeProvider time, ILogger<KubernetesPodOrchestrator> logger, PodMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        _targets = targets ?? throw new ArgumentNullException(nameof(targets));
        _api = new Lazy<KubernetesWorkloadApi>(() => new KubernetesWorkloadApi(client(), time), LazyThreadSafetyMode.PublicationOnly);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _starts = new PodStartRecorder(metrics, KindName);
    }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <summary>The workload of each pipeline, by pipeline name.</summary>
    public IReadOnlyDictionary<string, KubernetesTarget> Targets => _targets;

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(PodTemplate podTemplate)
    {
        ArgumentNullException.ThrowIfNull(podTemplate);
        return EnginePodValidator.Validate(
            podTemplate, KindName, KubernetesOrchestratorProvider.PodDefinition, _targets.ContainsKey(podTemplate.Pipeline),
            $"pipelines.{podTemplate.Pipeline}.orchestrator.target: is required: the workload to scale");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PodInfo>> ListPodsAsync(string pipeline, CancellationToken cancellationToken = default)
    {
        var target = TargetOf(pipeline);
        var (_, pods) = await ReadAsync(target, cancellationToken).ConfigureAwait(false);
        var listing = pods.Select(p => KubernetesPodStates.ToPodInfo(p, pipeline)).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        _starts.Listed(pipeline, listing);
        return listing;
    }

    /// <inheritdoc />
    public async Task<PodOperationResult> ScaleAsync(PodTemplate podTemplate, int replicas, CancellationToken cancellationToken = default)
    {
        PodTemplateValidator.ThrowIfAny(podTemplate, Validate(podTemplate));
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        var pipeline = podTemplate.Pipeline;
        var target = TargetOf(pipeline);
        using var held = await _locks.AcquireAsync(pipeline, cancellationToken).ConfigureAwait(false);
        await EnsureOursAsync(pipeline, target, cancellationToken).ConfigureAwait(false);
        var (current, pods) = await ReadAsync(target, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> victims = [];
        // A StatefulSet always removes its highest ordinals and ignores pod-deletion-cost: there is no victim to choose.
        if (replicas < current && target.Kind == KubernetesWorkloadKind.Deployment)
        {
            // Only pods that exist and are not already going count: the controller removes active pods down to the count.
            var infos = pods.Select(p => KubernetesPodStates.ToPodInfo(p, pipeline)).ToList();
            var active = infos.Count(p => p.State is PodState.Starting or PodState.Running or PodState.Ready);
            victims = ScaleDownVictims.Choose(infos, Math.Max(0, active - replicas)).Select(p => p.Id).ToList();
            await MarkAsync(pipeline, target, pods, victims, cancellationToken).ConfigureAwait(false);
        }

        if (replicas != current)
        {
            await Api(target).SetReplicasAsync(target, replicas, cancellationToken).ConfigureAwait(false);
            KubernetesLog.ReplicasSet(_logger, pipeline, target, current, replicas);
        }

        return new PodOperationResult { Stopped = victims, Running = replicas };
    }

    /// <inheritdoc />
    public async Task<PodOperationResult> StopPodsAsync(string pipeline, IReadOnlyCollection<string> podIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(podIds);
        var target = TargetOf(pipeline);
        using var held = await _locks.AcquireAsync(pipeline, cancellationToken).ConfigureAwait(false);
        await EnsureOursAsync(pipeline, target, cancellationToken).ConfigureAwait(false);
        var (current, pods) = await ReadAsync(target, cancellationToken).ConfigureAwait(false);
        if (target.Kind == KubernetesWorkloadKind.StatefulSet)
        {
            return new PodOperationResult
            {
                Running = current,
                Failures = [$"{target}: a StatefulSet removes its highest ordinals on scale-down, so chosen pods cannot be stopped; lower the count instead"],
            };
        }

        var chosen = pods.Where(p => p.Metadata?.DeletionTimestamp is null && podIds.Contains(p.Metadata?.Name ?? "")).Select(p => p.Metadata.Name).ToList();
        if (chosen.Count == 0)
        {
            return new PodOperationResult { Running = current };
        }

        await MarkAsync(pipeline, target, pods, chosen, cancellationToken).ConfigureAwait(false);
        var replicas = Math.Max(0, current - chosen.Count);
        await Api(target).SetReplicasAsync(target, replicas, cancellationToken).ConfigureAwait(false);
        KubernetesLog.ReplicasSet(_logger, pipeline, target, current, replicas);
        return new PodOperationResult { Stopped = chosen, Running = replicas };
    }

    /// <summary>Nothing to repair by hand: the workload's controller replaces broken pods itself. Reports the count.</summary>
    public async Task<PodOperationResult> ReconcileAsync(PodTemplate podTemplate, CancellationToken cancellationToken = default)
    {
        PodTemplateValidator.ThrowIfAny(podTemplate, Validate(podTemplate));
        var pods = await ListPodsAsync(podTemplate.Pipeline, cancellationToken).ConfigureAwait(false);
        return new PodOperationResult { Running = pods.Count(p => p.State is PodState.Running or PodState.Ready) };
    }

    private KubernetesWorkloadApi Api(KubernetesTarget target)
    {
        try
        {
            return _api.Value;
        }
        catch (KubernetesOrchestratorException ex)
        {
            // The kubeconfig (or in-cluster configuration) could not be read: the pipeline's error names its workload.
            throw new KubernetesOrchestratorException($"{target}: {ex.Message}", ex);
        }
    }

    private KubernetesTarget TargetOf(string pipeline) => _targets.TryGetValue(pipeline, out var target)
        ? target
        : throw new KubernetesOrchestratorException($"pipeline {pipeline} has no Kubernetes target (orchestrator.target is required)");

    private async Task<(int Replicas, IList<k8s.Models.V1Pod> Pods)> ReadAsync(KubernetesTarget target, CancellationToken cancellationToken)
    {
        var scale = await Api(target).ReadScaleAsync(target, cancellationToken).ConfigureAwait(false);
        var selector = scale.Status?.Selector;
        if (string.IsNullOrEmpty(selector))
        {
            throw new KubernetesOrchestratorException($"{target}: its scale subresource at {Api(target).Server} has no status.selector, so its pods cannot be found");
        }

        var pods = await Api(target).ListPodsAsync(target, selector, cancellationToken).ConfigureAwait(false);
        return (scale.Spec?.Replicas ?? 0, pods);
    }

    private async Task EnsureOursAsync(string pipeline, KubernetesTarget target, CancellationToken cancellationToken)
    {
        var autoscalers = await Api(target).ListAutoscalersAsync(target, cancellationToken).ConfigureAwait(false);
        var scaledObjects = KubernetesOwnership.OwnedBy(autoscalers, target) is null
            ? await Api(target).ListScaledObjectsAsync(target, cancellationToken).ConfigureAwait(false)
            : null;
        if (KubernetesOwnership.OwnedBy(autoscalers, target, scaledObjects) is { } reason)
        {
            KubernetesLog.OwnedByAnother(_logger, pipeline, reason);
            throw new KubernetesOrchestratorException(reason);
        }
    }

    private async Task MarkAsync(string pipeline, KubernetesTarget target, IList<k8s.Models.V1Pod> pods, IReadOnlyCollection<string> victims, CancellationToken cancellationToken)
    {
        var changes = KubernetesPodDeletionCost.Changes(pods, victims);
        await Task.WhenAll(changes.Select(c => Api(target).SetDeletionCostAsync(target, c.Pod, c.Cost, cancellationToken))).ConfigureAwait(false);
        if (victims.Count > 0)
        {
            KubernetesLog.VictimsMarked(_logger, pipeline, target, victims.Count, KubernetesPodDeletionCost.VictimCost, victims);
        }
    }
}
