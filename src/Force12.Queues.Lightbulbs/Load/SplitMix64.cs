namespace Force12.Queues.Lightbulbs.Load;

/// <summary>
/// A small seeded pseudo-random source (SplitMix64) for repeatable load: the same seed gives the same
/// bulbs, brightness and random walk. Not for anything secret. Not thread-safe.
/// </summary>
public sealed class SplitMix64
{
    private ulong _state;

    /// <summary>Creates the source from <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExclusive, 1);
        return (int)(NextBits() % (ulong)maxExclusive);
    }
}
