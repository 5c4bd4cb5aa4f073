using Force12.Queues.Lightbulbs.Events;

namespace Force12.Queues.Lightbulbs.State;

/// <summary>Where the processor keeps bulb state (the pod's state-cache container).</summary>
public interface IBulbStateStore
{
    /// <summary>Applies the events in order; for each, whether the bulb's state changed.</summary>
    /// <exception cref="IOException">The store is unreachable; nothing about the batch is known.</exception>
    Task<bool[]> ApplyAsync(IReadOnlyList<LightbulbEvent> events, CancellationToken cancellationToken);
}
