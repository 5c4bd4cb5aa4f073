namespace Force12.Queues.Simulation.Randomness;

/// <summary>
/// The simulator's only source of randomness, injected so that a run is reproducible from its seed
/// (System.Random stays at the composition root).
/// </summary>
public interface IRandomSource
{
    /// <summary>A uniformly distributed number in [0, 1).</summary>
    double NextDouble();
}
