using System.Collections.Immutable;

namespace Force12.Queues.Core.Pods;

/// <summary>One container of a pod: what to run and the resources it may use.</summary>
public sealed record ContainerTemplate
{
    /// <summary>Name unique within the pod: lowercase letters, digits and '-', 1 to 63 characters. Required.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Container image (for example <c>force12/probe:dev</c>). Required by container orchestrators;
    /// the process orchestrator does not use it.
    /// </summary>
    public string? Image { get; init; }

    /// <summary>
    /// Executable to run. For containers it replaces the image's entrypoint (<c>null</c> keeps it);
    /// the process orchestrator requires it (path of a local executable, or a name found on PATH).
    /// </summary>
    public string? Command { get; init; }

    /// <summary>Arguments. For containers an empty list keeps the image's CMD. Default empty.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Environment variables added to the container's environment. Default empty.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Working directory; <c>null</c> keeps the image's (containers) or uses the pod's state folder (processes).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>CPU limit in cores (0.5 = half a core); <c>null</c> means no limit. Not enforced for processes.</summary>
    public double? CpuLimit { get; init; }

    /// <summary>Memory limit in bytes, at least 6 MiB; <c>null</c> means no limit. Not enforced for processes.</summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>Bind mounts. Default empty. Processes see the host file system, so they ignore mounts.</summary>
    public IReadOnlyList<ContainerMount> Mounts { get; init; } = [];
}
