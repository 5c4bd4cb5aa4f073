namespace Force12.Queues.Kubernetes;

/// <summary>The workload kinds the <c>kubernetes</c> orchestrator scales, each through its <c>apps/v1</c> scale subresource.</summary>
public enum KubernetesWorkloadKind
{
    /// <summary>An <c>apps/v1</c> Deployment (<c>deployments/scale</c>).</summary>
    Deployment,

    /// <summary>An <c>apps/v1</c> StatefulSet (<c>statefulsets/scale</c>).</summary>
    StatefulSet,
}
