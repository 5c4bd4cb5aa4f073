using k8s;

namespace Force12.Queues.Kubernetes;

/// <summary>
/// Where the agent finds the API server: the kubeconfig file named by <c>kubeconfig</c> (with <c>context</c>); without
/// one, the in-cluster configuration (service account token and CA) when <c>KUBERNETES_SERVICE_HOST</c> is set, else
/// <c>~/.kube/config</c>. Reads files only when called, which the orchestrator does on its first API call.
/// </summary>
public static class KubernetesClientConfigurations
{
    /// <summary>The client configuration for <paramref name="options"/>.</summary>
    /// <exception cref="KubernetesOrchestratorException">The kubeconfig or the in-cluster configuration cannot be read.</exception>
    public static KubernetesClientConfiguration Build(KubernetesOrchestratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = options.Kubeconfig is null && KubernetesClientConfiguration.IsInCluster()
            ? "the in-cluster configuration (KUBERNETES_SERVICE_HOST is set)"
            : $"kubeconfig {options.Kubeconfig ?? "~/.kube/config"}{(options.Context is null ? "" : $" (context {options.Context})")}";
        try
        {
            return options.Kubeconfig is null && KubernetesClientConfiguration.IsInCluster()
                ? KubernetesClientConfiguration.InClusterConfig()
                : KubernetesClientConfiguration.BuildConfigFromConfigFile(options.Kubeconfig, options.Context);
        }
        catch (Exception ex) when (ex is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            throw new KubernetesOrchestratorException($"cannot read {source}: {ex.Message}", ex);
        }
    }
}
