namespace Force12.Queues.Testing.Pods;

/// <summary>A container or process the test started itself, without orchestrator labels.</summary>
public interface IUnlabelledWorkload : IAsyncDisposable
{
    /// <summary>Whether the workload still runs (no orchestrator call may have touched it).</summary>
    Task<bool> IsRunningAsync();
}
