namespace Force12.Queues.Core.Pods;

/// <summary>
/// The agent's side of the warm pod contract (docs/pod-contract.md): the environment a pod started warm gets, and the
/// files in its control folder (<c>warm</c> written by the pod, <c>consume</c> by the agent), each created atomically.
/// </summary>
public static class WarmPodContract
{
    /// <summary>Environment variable set to <c>1</c> in every container of a pod started warm.</summary>
    public const string WarmVariable = "FORCE12_WARM";

    /// <summary>Environment variable with the pod's control folder, set in every container of a pod started warm.</summary>
    public const string ControlDirectoryVariable = "FORCE12_CONTROL_DIR";

    /// <summary>File the pod creates in its control folder once it is connected and ready to consume.</summary>
    public const string WarmFile = "warm";

    /// <summary>File the agent creates in the pod's control folder to promote it: the pod then subscribes and consumes.</summary>
    public const string ConsumeFile = "consume";

    /// <summary>When <paramref name="file"/> appeared in <paramref name="controlDirectory"/> (its write time, UTC), or <c>null</c> while it is absent.</summary>
    public static DateTimeOffset? Appeared(string controlDirectory, string file)
    {
        var path = Path.Combine(controlDirectory, file);
        return File.Exists(path) ? new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero) : null;
    }

    /// <summary>Creates <paramref name="file"/> in <paramref name="controlDirectory"/> atomically (a temporary file renamed) with <paramref name="content"/>.</summary>
    public static void Create(string controlDirectory, string file, string content)
    {
        Directory.CreateDirectory(controlDirectory);
        var temp = Path.Combine(controlDirectory, file + ".tmp");
        File.WriteAllText(temp, content);
        File.Move(temp, Path.Combine(controlDirectory, file), overwrite: true);
    }
}
