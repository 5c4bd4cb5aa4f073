namespace Force12.Queues.Processes;

/// <summary>Kills recorded processes (SIGKILL) and waits until the kernel has finished them.</summary>
internal static class ProcessSignaller
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Sends SIGKILL to each live process (checked by pid and start time) and waits up to 5 s for them to be gone.</summary>
    public static async Task KillAsync(IReadOnlyCollection<ProcessContainerRecord> processes, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        foreach (var process in processes.Where(p => p.IsAlive))
        {
            PosixSignals.Send(process.Pid, PosixSignals.SigKill);
        }

        var deadline = timeProvider.GetUtcNow() + KillTimeout;
        while (processes.Any(p => p.IsAlive) && timeProvider.GetUtcNow() < deadline)
        {
            await Task.Delay(Poll, timeProvider, cancellationToken);
        }
    }
}
