namespace Force12.Queues.Core.Configuration;

/// <summary>The keys of one entry of <c>pod.containers</c>, read into <see cref="Pods.ContainerTemplate"/>.</summary>
public static class ContainerKeys
{
    /// <summary><c>name</c>: unique in the pod.</summary>
    public const string Name = "name";

    /// <summary><c>image</c>: the container image (docker).</summary>
    public const string Image = "image";

    /// <summary><c>command</c>: the executable.</summary>
    public const string Command = "command";

    /// <summary><c>args</c>: its arguments.</summary>
    public const string Args = "args";

    /// <summary><c>env</c>: environment variables.</summary>
    public const string Env = "env";

    /// <summary><c>workingDirectory</c>: where it starts.</summary>
    public const string WorkingDirectory = "workingDirectory";

    /// <summary><c>cpu</c>: limit in cores.</summary>
    public const string Cpu = "cpu";

    /// <summary><c>memory</c>: limit in bytes.</summary>
    public const string Memory = "memory";

    /// <summary><c>mounts</c>: bind mounts (see <see cref="MountKeys"/>).</summary>
    public const string Mounts = "mounts";

    /// <summary>Every key accepted in a container.</summary>
    public static IReadOnlyList<string> All { get; } = [Name, Image, Command, Args, Env, WorkingDirectory, Cpu, Memory, Mounts];
}
