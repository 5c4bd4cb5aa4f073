namespace Force12.Queues.Core.Tests.Pods;

/// <summary>A container or process the test started itself, without orchestrator labels.</summary>
public interface IUnlabelledWorkload : IAsyncDisposable
{
    Task<bool> IsRunningAsync();
}
