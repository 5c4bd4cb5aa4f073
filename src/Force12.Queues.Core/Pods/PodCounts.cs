namespace Force12.Queues.Core.Pods;

/// <summary>
/// A pipeline's pods counted by <see cref="PodState"/>, once, with what each total means. Every place that
/// turns a pod list into a number (the decision step, the capacity request, the status) reads it from here.
/// </summary>
/// <param name="Starting">Pods created whose containers are not all running yet.</param>
/// <param name="Running">Pods whose containers run but whose health check has not passed yet.</param>
/// <param name="Ready">Pods running and ready to consume.</param>
/// <param name="Stopping">Pods told to stop that have not stopped yet.</param>
/// <param name="Exited">Broken pods (a container exited or is missing), waiting to be replaced.</param>
public readonly record struct PodCounts(int Starting, int Running, int Ready, int Stopping, int Exited)
{
    /// <summary>Warm pods (started, not consuming until promoted): not in <see cref="Current"/> nor <see cref="CapacityUsed"/>.</summary>
    public int Warm { get; init; }

    /// <summary>Pods asked for and not stopping: starting, running or ready. What the policy scales from.</summary>
    public int Current => Starting + Running + Ready;

    /// <summary>Pods whose containers are running (running or ready).</summary>
    public int ContainersRunning => Running + Ready;

    /// <summary>Pod slots of the shared pool the pipeline holds: every pod that has not exited (stopping pods keep theirs until gone).</summary>
    public int CapacityUsed => Starting + Running + Ready + Stopping;

    /// <summary>Counts <paramref name="pods"/> by state.</summary>
    public static PodCounts Of(IEnumerable<PodInfo> pods)
    {
        ArgumentNullException.ThrowIfNull(pods);
        int starting = 0, running = 0, ready = 0, stopping = 0, exited = 0, warm = 0;
        foreach (var pod in pods)
        {
            starting += pod.State == PodState.Starting ? 1 : 0;
            running += pod.State == PodState.Running ? 1 : 0;
            ready += pod.State == PodState.Ready ? 1 : 0;
            stopping += pod.State == PodState.Stopping ? 1 : 0;
            exited += pod.State == PodState.Exited ? 1 : 0;
            warm += pod.State == PodState.Warm ? 1 : 0;
        }

        return new PodCounts(starting, running, ready, stopping, exited) { Warm = warm };
    }
}
