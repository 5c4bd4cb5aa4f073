namespace Force12.Queues.Core.Configuration;

/// <summary>The keys of one entry of a container's <c>mounts</c>, read into <see cref="Pods.ContainerMount"/>.</summary>
public static class MountKeys
{
    /// <summary><c>hostPath</c>: absolute path on the host.</summary>
    public const string HostPath = "hostPath";

    /// <summary><c>containerPath</c>: absolute path in the container.</summary>
    public const string ContainerPath = "containerPath";

    /// <summary><c>readOnly</c>: mount read-only.</summary>
    public const string ReadOnly = "readOnly";

    /// <summary>Every key accepted in a mount.</summary>
    public static IReadOnlyList<string> All { get; } = [HostPath, ContainerPath, ReadOnly];
}
