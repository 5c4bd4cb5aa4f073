namespace Force12.Queues.Core.Pods;

/// <summary>A host folder or file made visible inside a container (a bind mount).</summary>
public sealed record ContainerMount
{
    /// <summary>Absolute path on the host. Required.</summary>
    public required string HostPath { get; init; }

    /// <summary>Absolute path inside the container. Required.</summary>
    public required string ContainerPath { get; init; }

    /// <summary>Mount read-only. Default <c>false</c>.</summary>
    public bool ReadOnly { get; init; }
}
