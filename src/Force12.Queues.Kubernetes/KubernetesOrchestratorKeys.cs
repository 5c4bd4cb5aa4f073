using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Kubernetes;

/// <summary>
/// The keys of the <c>kubernetes</c> orchestrator, written once for its provider, its readers and the schema test: the
/// agent-wide section <c>orchestrators.kubernetes</c>, a pipeline's <c>orchestrator</c> mapping and its <c>target</c>.
/// </summary>
public static class KubernetesOrchestratorKeys
{
    /// <summary>
    /// <c>kubeconfig</c>: path of the kubeconfig file. Default: the in-cluster configuration (the pod's service account)
    /// when <c>KUBERNETES_SERVICE_HOST</c> is set, else <c>~/.kube/config</c>.
    /// </summary>
    public const string Kubeconfig = "kubeconfig";

    /// <summary><c>context</c>: the kubeconfig context to use (default: the file's current context).</summary>
    public const string Context = "context";

    /// <summary><c>namespace</c>: the namespace of targets that name none (default <c>default</c>).</summary>
    public const string Namespace = "namespace";

    /// <summary><c>target</c>: the workload a pipeline scales (a mapping of <see cref="TargetKeys"/>). Required.</summary>
    public const string Target = "target";

    /// <summary>Every key <c>orchestrators.kubernetes</c> accepts.</summary>
    public static IReadOnlyList<string> All { get; } = [Kubeconfig, Context, Namespace];

    /// <summary>Every key a pipeline's <c>orchestrator</c> mapping of kind <c>kubernetes</c> accepts.</summary>
    public static IReadOnlyList<string> Pipeline { get; } = [OrchestratorKeys.Kind, Target];

    /// <summary>The keys of a pipeline's <c>orchestrator.target</c>.</summary>
    public static class TargetKeys
    {
        /// <summary><c>apiVersion</c>: the workload's API version, <c>apps/v1</c> (the default).</summary>
        public const string ApiVersion = "apiVersion";

        /// <summary><c>kind</c>: <c>Deployment</c> or <c>StatefulSet</c>. Required.</summary>
        public const string Kind = "kind";

        /// <summary><c>name</c>: the workload's name. Required.</summary>
        public const string Name = "name";

        /// <summary><c>namespace</c>: the workload's namespace (default: <c>orchestrators.kubernetes.namespace</c>).</summary>
        public const string Namespace = "namespace";

        /// <summary>Every key of <c>target</c>.</summary>
        public static IReadOnlyList<string> All { get; } = [ApiVersion, Kind, Name, Namespace];
    }
}
