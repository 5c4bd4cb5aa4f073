using k8s;
using k8s.Models;

namespace Force12.Queues.Kubernetes;

/// <summary>
/// The narrow seam between the orchestrator and KubernetesClient: exactly the calls the <c>kubernetes</c> orchestrator
/// makes (and its RBAC needs), each turning a failure into a <see cref="KubernetesOrchestratorException"/> that names the
/// workload and the API server. Writes are JSON merge patches (<c>application/merge-patch+json</c>); a replica write
/// that meets 409 Conflict is retried, at most <see cref="MaxWriteAttempts"/> times with a short growing pause.
/// </summary>
internal sealed class KubernetesWorkloadApi(IKubernetes client, TimeProvider time)
{
    /// <summary>Tries of one replica write before its conflict is the pipeline's error.</summary>
    public const int MaxWriteAttempts = 5;

    /// <summary>The API server the client talks to.</summary>
    public Uri Server => client.BaseUri;

    /// <summary>GET <c>.../{deployments|statefulsets}/{name}/scale</c>.</summary>
    public Task<V1Scale> ReadScaleAsync(KubernetesTarget target, CancellationToken cancellationToken) =>
        CallAsync(target, "reading the scale", () => target.Kind == KubernetesWorkloadKind.Deployment
            ? client.AppsV1.ReadNamespacedDeploymentScaleAsync(target.Name, target.Namespace, cancellationToken: cancellationToken)
            : client.AppsV1.ReadNamespacedStatefulSetScaleAsync(target.Name, target.Namespace, cancellationToken: cancellationToken), cancellationToken);

    /// <summary>PATCH <c>.../scale</c> with <c>{"spec":{"replicas":N}}</c>: idempotent, retried on 409 Conflict.</summary>
    public async Task SetReplicasAsync(KubernetesTarget target, int replicas, CancellationToken cancellationToken)
    {
        var patch = new V1Patch(KubernetesPatches.Replicas(replicas), V1Patch.PatchType.MergePatch);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await (target.Kind == KubernetesWorkloadKind.Deployment
                    ? client.AppsV1.PatchNamespacedDeploymentScaleAsync(patch, target.Name, target.Namespace, cancellationToken: cancellationToken)
                    : client.AppsV1.PatchNamespacedStatefulSetScaleAsync(patch, target.Name, target.Namespace, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (KubernetesApiErrors.IsConflict(ex) && attempt < MaxWriteAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (KubernetesApiErrors.IsApiFailure(ex, cancellationToken))
            {
                var action = KubernetesApiErrors.IsConflict(ex) ? $"setting replicas to {replicas} ({MaxWriteAttempts} tries, each a conflict)" : $"setting replicas to {replicas}";
                throw KubernetesApiErrors.Translate(target, Server, action, ex);
            }
        }
    }

    /// <summary>GET <c>/api/v1/namespaces/{ns}/pods?labelSelector=...</c> with the scale's <c>status.selector</c>.</summary>
    public async Task<IList<V1Pod>> ListPodsAsync(KubernetesTarget target, string selector, CancellationToken cancellationToken) =>
        (await CallAsync(target, "listing its pods", () => client.CoreV1.ListNamespacedPodAsync(target.Namespace, labelSelector: selector, cancellationToken: cancellationToken), cancellationToken)
            .ConfigureAwait(false)).Items ?? [];

    /// <summary>
    /// PATCH <c>/api/v1/namespaces/{ns}/pods/{name}</c> setting (or, with null, removing) the pod-deletion-cost
    /// annotation. A pod that is already gone is no error: it is what the annotation asked for.
    /// </summary>
    public async Task SetDeletionCostAsync(KubernetesTarget target, string pod, string? cost, CancellationToken cancellationToken)
    {
        var patch = new V1Patch(KubernetesPatches.Annotation(KubernetesPodDeletionCost.Annotation, cost), V1Patch.PatchType.MergePatch);
        try
        {
            await client.CoreV1.PatchNamespacedPodAsync(patch, pod, target.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (KubernetesApiErrors.IsNotFound(ex))
        {
            // Deleted meanwhile (a crash, an eviction): nothing left to steer.
        }
        catch (Exception ex) when (KubernetesApiErrors.IsApiFailure(ex, cancellationToken))
        {
            throw KubernetesApiErrors.Translate(target, Server, $"annotating pod {pod} with {KubernetesPodDeletionCost.Annotation}", ex);
        }
    }

    /// <summary>GET <c>/apis/autoscaling/v2/namespaces/{ns}/horizontalpodautoscalers</c>.</summary>
    public async Task<IList<V2HorizontalPodAutoscaler>> ListAutoscalersAsync(KubernetesTarget target, CancellationToken cancellationToken) =>
        (await CallAsync(target, "listing the HorizontalPodAutoscalers of its namespace", () => client.AutoscalingV2.ListNamespacedHorizontalPodAutoscalerAsync(target.Namespace, cancellationToken: cancellationToken), cancellationToken)
            .ConfigureAwait(false)).Items ?? [];

    /// <summary>
    /// GET <c>/apis/keda.sh/v1alpha1/namespaces/{ns}/scaledobjects</c>: each ScaledObject's name and the kind and name of
    /// its <c>spec.scaleTargetRef</c> (kind defaults to Deployment, as KEDA's does). Null when they cannot be read: 404 (KEDA
    /// is not installed) or 403 (RBAC grants no <c>list</c> on them; KEDA is still found through the HPA it creates).
    /// </summary>
    public async Task<IReadOnlyList<(string Name, string Kind, string Target)>?> ListScaledObjectsAsync(KubernetesTarget target, CancellationToken cancellationToken)
    {
        object list;
        try
        {
            list = await client.CustomObjects.ListNamespacedCustomObjectAsync("keda.sh", "v1alpha1", target.Namespace, "scaledobjects", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is k8s.Autorest.HttpOperationException { Response.StatusCode: System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden })
        {
            return null;
        }
        catch (Exception ex) when (KubernetesApiErrors.IsApiFailure(ex, cancellationToken))
        {
            throw KubernetesApiErrors.Translate(target, Server, "listing the KEDA ScaledObjects of its namespace", ex);
        }

        return KubernetesOwnership.ScaledObjectTargets(list);
    }

    private async Task<T> CallAsync<T>(KubernetesTarget target, string action, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (KubernetesApiErrors.IsApiFailure(ex, cancellationToken))
        {
            throw KubernetesApiErrors.Translate(target, Server, action, ex);
        }
    }
}
