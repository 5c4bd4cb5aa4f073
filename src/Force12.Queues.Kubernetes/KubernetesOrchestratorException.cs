namespace Force12.Queues.Kubernetes;

/// <summary>
/// A Kubernetes call for one pipeline failed: the target is missing (404), RBAC forbids the call (403), the API server
/// cannot be reached, another autoscaler owns the workload, or the client configuration cannot be read. The message
/// names the workload and the API server; the control loop makes it the pipeline's error for the tick.
/// </summary>
public sealed class KubernetesOrchestratorException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public KubernetesOrchestratorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public KubernetesOrchestratorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message (for serializers and analyzers).</summary>
    public KubernetesOrchestratorException()
    {
    }
}
