namespace Force12.Queues.Kubernetes;

/// <summary>The workload one pipeline scales: its kind, namespace and name (API version <c>apps/v1</c>).</summary>
/// <param name="Kind">Deployment or StatefulSet.</param>
/// <param name="Namespace">The workload's namespace.</param>
/// <param name="Name">The workload's name.</param>
public sealed record KubernetesTarget(KubernetesWorkloadKind Kind, string Namespace, string Name)
{
    /// <summary>The only API version targets use so far.</summary>
    public const string AppsV1 = "apps/v1";

    /// <summary>The workload as messages name it, for example <c>Deployment iot/bulbs</c>.</summary>
    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}
