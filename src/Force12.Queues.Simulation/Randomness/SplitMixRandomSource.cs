namespace Force12.Queues.Simulation.Randomness;

/// <summary>
/// SplitMix64: a small, fast generator whose sequence depends only on the seed, on every platform and
/// .NET version, so a simulation seed reproduces the same numbers everywhere. The one seeded random source of
/// the simulator and the load generator (the same seed gives the same bulbs, brightness and random walk).
/// Not for anything secret. Not thread-safe.
/// </summary>
public sealed class SplitMixRandomSource : IRandomSource
{
    private ulong _state;

    /// <summary>Starts the sequence for <paramref name="seed"/>.</summary>
    public SplitMixRandomSource(ulong seed) => _state = seed;

    /// <inheritdoc />
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExclusive, 1);
        return (int)(NextBits() % (ulong)maxExclusive);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
