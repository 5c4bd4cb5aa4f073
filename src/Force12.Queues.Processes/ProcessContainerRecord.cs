namespace Force12.Queues.Processes;

/// <summary>One process of a pod: pid plus start time, so a reused pid is never taken for it.</summary>
internal sealed record ProcessContainerRecord(string Name, int Pid, long StartTicks)
{
    public bool IsAlive => ProcessIdentity.IsAlive(Pid, StartTicks);
}
