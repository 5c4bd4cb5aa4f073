namespace Force12.Queues.Processes;

/// <summary>Settings of <see cref="ProcessPodOrchestrator"/>.</summary>
public sealed record ProcessOrchestratorOptions
{
    /// <summary>
    /// Folder where pods are recorded (<c>&lt;folder&gt;/&lt;pipeline&gt;/&lt;pod id&gt;/pod.json</c>, plus each process's
    /// log and default working directory). A new orchestrator on the same folder adopts the pods recorded there.
    /// Default <c>$XDG_STATE_HOME/force12/pods</c>, or <c>~/.local/state/force12/pods</c>.
    /// </summary>
    public string StateDirectory { get; init; } = DefaultStateDirectory();

    /// <summary>Pods started at the same time during one scale-up. Default 8; at least 1.</summary>
    public int MaxParallelPodStarts { get; init; } = 8;

    /// <summary>How often a stopping pod's processes are checked for exit during the grace period. Default 50 ms.</summary>
    public TimeSpan StopPollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    private static string DefaultStateDirectory()
    {
        var stateHome = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(stateHome))
        {
            stateHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        }

        return Path.Combine(stateHome, "force12", "pods");
    }
}
