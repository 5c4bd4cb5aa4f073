namespace Force12.Queues.Testing.Kubernetes;

/// <summary>One Kubernetes API call the agent makes in the direct mode, and the RBAC rule that grants it.</summary>
/// <param name="Request">The request as the API double records it, path templated: <c>GET /api/v1/namespaces/{ns}/pods</c>.</param>
/// <param name="ApiGroup">The RBAC API group (<c>""</c> for the core group).</param>
/// <param name="Resource">The RBAC resource, with its subresource (<c>deployments/scale</c>).</param>
/// <param name="Verb">The RBAC verb.</param>
public sealed record KubernetesApiCall(string Request, string ApiGroup, string Resource, string Verb);

/// <summary>
/// The API calls of the <c>kubernetes</c> orchestrator and of the Lease elector, written once: the Kubernetes tests check
/// that the code makes exactly these against the API double, and the deploy tests that the direct mode's Role grants
/// exactly these (docs/kubernetes.md's RBAC section lists the same).
/// </summary>
public static class KubernetesApiCalls
{
    /// <summary>The orchestrator's calls on a Deployment target.</summary>
    public static IReadOnlyList<KubernetesApiCall> Orchestrator { get; } =
    [
        new("GET /api/v1/namespaces/{ns}/pods", "", "pods", "list"),
        new("GET /apis/apps/v1/namespaces/{ns}/deployments/{name}/scale", "apps", "deployments/scale", "get"),
        new("GET /apis/autoscaling/v2/namespaces/{ns}/horizontalpodautoscalers", "autoscaling", "horizontalpodautoscalers", "list"),
        new("GET /apis/keda.sh/v1alpha1/namespaces/{ns}/scaledobjects", "keda.sh", "scaledobjects", "list"),
        new("PATCH /api/v1/namespaces/{ns}/pods/{name}", "", "pods", "patch"),
        new("PATCH /apis/apps/v1/namespaces/{ns}/deployments/{name}/scale", "apps", "deployments/scale", "patch"),
    ];

    /// <summary>The Lease elector's calls (read, create the first time, renew and take over with PUT).</summary>
    public static IReadOnlyList<KubernetesApiCall> LeaderElection { get; } =
    [
        new("GET /apis/coordination.k8s.io/v1/namespaces/{ns}/leases/{name}", "coordination.k8s.io", "leases", "get"),
        new("POST /apis/coordination.k8s.io/v1/namespaces/{ns}/leases", "coordination.k8s.io", "leases", "create"),
        new("PUT /apis/coordination.k8s.io/v1/namespaces/{ns}/leases/{name}", "coordination.k8s.io", "leases", "update"),
    ];

    /// <summary>Every call of the direct mode.</summary>
    public static IReadOnlyList<KubernetesApiCall> All { get; } = [.. Orchestrator, .. LeaderElection];
}
