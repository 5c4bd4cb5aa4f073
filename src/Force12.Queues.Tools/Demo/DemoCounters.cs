using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Tools.Demo;

/// <summary>Counts the pods the agent started and stopped during the demo.</summary>
internal sealed class DemoCounters : IControlLoopObserver
{
    private int _started;
    private int _stopped;

    public int Started => Volatile.Read(ref _started);

    public int Stopped => Volatile.Read(ref _stopped);

    public void TickCompleted(AgentStatus status, TimeSpan duration)
    {
    }

    public void CollectionFailed(string pipeline, LagError failure)
    {
    }

    public void PodsChanged(string pipeline, PodOperationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Interlocked.Add(ref _started, result.Started.Count);
        Interlocked.Add(ref _stopped, result.Stopped.Count);
    }
}
