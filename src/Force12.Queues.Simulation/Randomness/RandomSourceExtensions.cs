namespace Force12.Queues.Simulation.Randomness;

/// <summary>Distributions drawn from an <see cref="IRandomSource"/>.</summary>
public static class RandomSourceExtensions
{
    /// <summary>An integer in [<paramref name="minInclusive"/>, <paramref name="maxInclusive"/>].</summary>
    public static int NextInt(this IRandomSource random, int minInclusive, int maxInclusive)
    {
        ArgumentNullException.ThrowIfNull(random);
        return minInclusive + (int)Math.Floor(random.NextDouble() * (maxInclusive - minInclusive + 1));
    }

    /// <summary>
    /// A message count with Poisson-like spread around <paramref name="mean"/>: the normal approximation
    /// (mean, sqrt(mean)) via Box-Muller, never negative. Good enough for arrival noise; not for tiny means.
    /// </summary>
    public static double NextCount(this IRandomSource random, double mean)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (mean <= 0)
        {
            return 0;
        }

        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return Math.Max(0, mean + (normal * Math.Sqrt(mean)));
    }
}
