namespace Force12.Queues.Core.Pods;

/// <summary>Where a pod is in its life. Orchestrators derive it from the states of the pod's containers.</summary>
public enum PodState
{
    /// <summary>Created, but not every container is running yet.</summary>
    Starting,

    /// <summary>Every container is running; a runtime health check (if the image defines one) has not passed yet.</summary>
    Running,

    /// <summary>Every container is running and healthy: the pod can take work.</summary>
    Ready,

    /// <summary>A graceful stop is in progress (SIGTERM sent, grace period running).</summary>
    Stopping,

    /// <summary>At least one container has exited or is missing: the pod is broken and reconcile replaces it whole.</summary>
    Exited,

    /// <summary>
    /// Started warm (see docs/pod-contract.md): initialised and connected, or still warming up, but not consuming until
    /// promoted. Not counted as running and not chosen by the policy; the first to go when pods must be stopped.
    /// </summary>
    Warm,
}
