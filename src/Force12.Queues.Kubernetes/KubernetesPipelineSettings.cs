using Force12.Queues.Core.Pods;

namespace Force12.Queues.Kubernetes;

/// <summary>One pipeline's <c>orchestrator</c> settings of kind <c>kubernetes</c>: the workload it scales.</summary>
public sealed record KubernetesPipelineSettings : OrchestratorPipelineSettings
{
    /// <summary>The workload's kind.</summary>
    public required KubernetesWorkloadKind Kind { get; init; }

    /// <summary>The workload's name.</summary>
    public required string Name { get; init; }

    /// <summary>The workload's namespace; null takes the agent-wide <c>orchestrators.kubernetes.namespace</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary>The target, with <paramref name="defaultNamespace"/> where the pipeline named no namespace.</summary>
    public KubernetesTarget ToTarget(string defaultNamespace) => new(Kind, Namespace ?? defaultNamespace, Name);
}
