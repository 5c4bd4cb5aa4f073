namespace Force12.Queues.Kubernetes;

/// <summary>The agent-wide settings of the <c>kubernetes</c> orchestrator (<c>orchestrators.kubernetes</c>).</summary>
public sealed record KubernetesOrchestratorOptions
{
    /// <summary>The namespace of targets that name none: <c>default</c>.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>
    /// Path of the kubeconfig file; null (the default) takes the in-cluster configuration when
    /// <c>KUBERNETES_SERVICE_HOST</c> is set, else <c>~/.kube/config</c>.
    /// </summary>
    public string? Kubeconfig { get; init; }

    /// <summary>The kubeconfig context; null (the default) takes the file's current context.</summary>
    public string? Context { get; init; }

    /// <summary>The namespace of targets that name none. Default <see cref="DefaultNamespace"/>.</summary>
    public string Namespace { get; init; } = DefaultNamespace;
}
