using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Agent;

/// <summary>Passes every control-loop event to several observers, in order.</summary>
public sealed class CompositeLoopObserver(IEnumerable<IControlLoopObserver> observers) : IControlLoopObserver
{
    private readonly IControlLoopObserver[] _observers = observers.ToArray();

    /// <inheritdoc />
    public void TickCompleted(AgentStatus status, TimeSpan duration)
    {
        foreach (var observer in _observers)
        {
            observer.TickCompleted(status, duration);
        }
    }

    /// <inheritdoc />
    public void CollectionFailed(string pipeline, LagError failure)
    {
        foreach (var observer in _observers)
        {
            observer.CollectionFailed(pipeline, failure);
        }
    }

    /// <inheritdoc />
    public void PodsChanged(string pipeline, PodOperationResult result)
    {
        foreach (var observer in _observers)
        {
            observer.PodsChanged(pipeline, result);
        }
    }
}
