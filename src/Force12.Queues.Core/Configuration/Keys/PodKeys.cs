namespace Force12.Queues.Core.Configuration;

/// <summary>The keys of a pipeline's <c>pod</c> section, read into <see cref="Pods.PodTemplate"/>.</summary>
public static class PodKeys
{
    /// <summary><c>network</c>: <c>pod</c>, <c>host</c> or a network name.</summary>
    public const string Network = "network";

    /// <summary><c>stopGracePeriod</c>: time between SIGTERM and SIGKILL.</summary>
    public const string StopGracePeriod = "stopGracePeriod";

    /// <summary><c>standby</c>: pods kept created but not started.</summary>
    public const string Standby = "standby";

    /// <summary><c>warm</c>: warm pods kept started but not consuming (docs/pod-contract.md).</summary>
    public const string Warm = "warm";

    /// <summary><c>warmTimeout</c>: how long a pod started warm may take to say it is warm before it counts as cold.</summary>
    public const string WarmTimeout = "warmTimeout";

    /// <summary><c>warmCountsAgainstCapacity</c>: whether warm pods take room in the shared pool (default false).</summary>
    public const string WarmCountsAgainstCapacity = "warmCountsAgainstCapacity";

    /// <summary><c>labels</c>: labels put on every container.</summary>
    public const string Labels = "labels";

    /// <summary><c>containers</c>: the pod's containers (see <see cref="ContainerKeys"/>).</summary>
    public const string Containers = "containers";

    /// <summary>Every key accepted in <c>pod</c>.</summary>
    public static IReadOnlyList<string> All { get; } = [Network, StopGracePeriod, Standby, Warm, WarmTimeout, WarmCountsAgainstCapacity, Labels, Containers];
}
