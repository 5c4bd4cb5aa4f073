using k8s;
using k8s.Models;

namespace Force12.Queues.Kubernetes.Leadership;

/// <summary>
/// The elector's narrow seam on KubernetesClient: GET, POST and PUT of one <c>coordination.k8s.io/v1</c> Lease (RBAC:
/// get, create and update on leases). A lost race (409: AlreadyExists on create, Conflict on a stale resourceVersion)
/// answers null; any other failure throws a <see cref="KubernetesOrchestratorException"/> naming the Lease and the server.
/// </summary>
internal sealed class KubernetesLeaseApi(IKubernetes client, string ns, string name)
{
    /// <summary>The Lease as <c>NAMESPACE/NAME</c>.</summary>
    public string LeaseName => $"{ns}/{name}";

    /// <summary>GET <c>/apis/coordination.k8s.io/v1/namespaces/{ns}/leases/{name}</c>; null when it does not exist.</summary>
    public async Task<V1Lease?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await client.CoordinationV1.ReadNamespacedLeaseAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (KubernetesApiErrors.IsNotFound(ex))
        {
            return null;
        }
        catch (Exception ex) when (KubernetesApiErrors.IsApiFailure(ex, cancellationToken))
        {
            throw Translate("reading", ex);
        }
    }

    /// <summary>POST <c>.../leases</c>; null when another agent created it first (409 AlreadyExists).</summary>
    public Task<V1Lease?> CreateAsync(V1Lease lease, CancellationToken cancellationToken) =>
        WriteAsync("creating", () => client.CoordinationV1.CreateNamespacedLeaseAsync(lease, ns, cancellationToken: cancellationToken), cancellationToken);

    /// <summary>PUT <c>.../leases/{name}</c> with the resourceVersion read; null when it changed meanwhile (409 Conflict).</summary>
    public Task<V1Lease?> ReplaceAsync(V1Lease lease, CancellationToken cancellationToken) =>
        WriteAsync("updating", () => client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, name, ns, cancellationToken: cancellationToken), cancellationToken);

    private async Task<V1Lease?> WriteAsync(string action, Func<Task<V1Lease>> write, CancellationToken cancellationToken)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (Exception ex) when (KubernetesApiErrors.IsConflict(ex))
        {
            return null;
        }
        catch (Exception ex) when (KubernetesApiErrors.IsApiFailure(ex, cancellationToken))
        {
            throw Translate(action, ex);
        }
    }

    private KubernetesOrchestratorException Translate(string action, Exception ex) => ex switch
    {
        k8s.Autorest.HttpOperationException { Response: { } response } => new KubernetesOrchestratorException(
            $"leader election: {action} Lease {LeaseName} failed: the Kubernetes API server at {client.BaseUri} answered {(int)response.StatusCode} {response.StatusCode}: {KubernetesApiErrors.StatusMessage(response.Content)}"
            + (response.StatusCode == System.Net.HttpStatusCode.Forbidden ? " (RBAC: the agent needs get, create and update on leases in API group coordination.k8s.io; see docs/kubernetes.md)" : ""), ex),
        HttpRequestException => new KubernetesOrchestratorException($"leader election: {action} Lease {LeaseName} failed: cannot reach the Kubernetes API server at {client.BaseUri}: {ex.Message}", ex),
        _ => new KubernetesOrchestratorException($"leader election: {action} Lease {LeaseName} failed: the Kubernetes API server at {client.BaseUri} did not answer in time", ex),
    };
}
