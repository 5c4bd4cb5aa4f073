namespace Force12.Queues.Core.Scaling;

/// <summary>
/// Partition granularity: a partition (or shard) is read by one consumer, so with N pods the busiest pod
/// holds ceil(units / N) of them. Spreading a demand evenly over units, the fewest pods whose busiest pod
/// keeps up is ceil(units / k) where k = floor(perPodThroughput / demand per unit) units per pod.
/// For 100 partitions at 6,100 msg/s and 100 msg/s per pod that is 100 pods, not 61: at 61 pods,
/// 39 pods hold two partitions (122 msg/s each) and fall behind.
/// </summary>
public static class BalancedPods
{
    /// <summary>
    /// Fewest pods that process <paramref name="demandPerSecond"/> spread evenly over <paramref name="units"/>
    /// partitions or shards, each pod doing <paramref name="perPodThroughput"/> messages per second.
    /// Returns <paramref name="units"/> when even one unit per pod is not enough, and 0 for no demand.
    /// </summary>
    public static int For(double demandPerSecond, int units, double perPodThroughput)
    {
        if (!(demandPerSecond > 0) || units <= 0)
        {
            return 0;
        }

        var perUnit = demandPerSecond / units;
        var unitsPerPod = Math.Floor((perPodThroughput / perUnit) + 1e-9);
        if (unitsPerPod < 1)
        {
            return units;
        }

        return (int)Math.Ceiling(units / Math.Min(unitsPerPod, units));
    }

    /// <summary>Messages per second <paramref name="pods"/> pods process when <paramref name="units"/> carry an even load.</summary>
    public static double Capacity(int pods, int units, double perPodThroughput)
    {
        if (pods <= 0 || units <= 0)
        {
            return 0;
        }

        var busiest = Math.Ceiling((double)units / Math.Min(pods, units));
        return perPodThroughput * units / busiest;
    }
}
