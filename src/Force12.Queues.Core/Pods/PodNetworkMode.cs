namespace Force12.Queues.Core.Pods;

/// <summary>How the containers of a pod are networked. Every mode lets the containers of one pod reach each other on localhost.</summary>
public enum PodNetworkMode
{
    /// <summary>
    /// Default. The pod has its own network namespace shared by its containers (as a Kubernetes pod);
    /// it has only loopback unless the orchestrator attaches it to a network.
    /// </summary>
    Pod,

    /// <summary>Every container uses the host's network namespace (reaches brokers on the host's 127.0.0.1).</summary>
    Host,

    /// <summary>The pod's shared namespace is attached to the network named by <see cref="PodTemplate.NetworkName"/>.</summary>
    Network,
}
