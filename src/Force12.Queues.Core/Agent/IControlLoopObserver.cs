using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Agent;

/// <summary>Hears what the control loop does, for metrics and logs. Called on the loop's thread; keep it quick.</summary>
public interface IControlLoopObserver
{
    /// <summary>A tick finished and published <paramref name="status"/>; it took <paramref name="duration"/>.</summary>
    void TickCompleted(AgentStatus status, TimeSpan duration);

    /// <summary>A pipeline's collection failed.</summary>
    void CollectionFailed(string pipeline, LagError failure);

    /// <summary>An orchestrator call for a pipeline finished.</summary>
    void PodsChanged(string pipeline, PodOperationResult result);
}
