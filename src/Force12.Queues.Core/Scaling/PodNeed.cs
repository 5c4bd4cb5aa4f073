namespace Force12.Queues.Core.Scaling;

/// <summary>The SLA arithmetic of <see cref="SlaScalingPolicy"/>, kept apart so it can be read and tested alone.</summary>
internal static class PodNeed
{
    /// <summary>Guards against 4.0000000001 becoming 5 pods through floating-point noise.</summary>
    private const double Epsilon = 1e-9;

    /// <summary>
    /// Pods needed to drain <paramref name="backlog"/> within <paramref name="slaSeconds"/> while
    /// <paramref name="arrivalRate"/> continues: ceil((L / T + lambda) / mu), never negative.
    /// </summary>
    public static int ForSla(double backlog, double arrivalRate, double slaSeconds, double perPodThroughput)
    {
        var pods = ((Math.Max(0, backlog) / slaSeconds) + Math.Max(0, arrivalRate)) / perPodThroughput;
        if (double.IsNaN(pods) || pods <= 0)
        {
            return 0;
        }

        return pods >= int.MaxValue ? int.MaxValue : (int)Math.Ceiling(pods - Epsilon);
    }

    /// <summary>
    /// Need with hot partitions set apart: the rest of the backlog is sized by <see cref="ForSla"/>, rounded
    /// up to a pod count whose busiest pod keeps up when the useful parallelism is known
    /// (<see cref="BalancedPods"/>), and each hot partition gets exactly one consumer, because a second pod
    /// cannot read the same partition.
    /// </summary>
    public static int WithHotUnits(PolicyInput input, double slaSeconds, double perPodThroughput)
    {
        var hotUnits = Math.Max(0, input.HotUnits);
        var coldBacklog = input.BacklogMessages - (hotUnits > 0 ? input.HotBacklogMessages : 0);
        var coldArrivals = input.ArrivalRatePerSecond - (hotUnits > 0 ? input.HotArrivalRatePerSecond : 0);
        var cold = ForSla(coldBacklog, coldArrivals, slaSeconds, perPodThroughput);
        var coldUnits = input.UsefulParallelism == int.MaxValue ? 0 : input.UsefulParallelism - hotUnits;
        if (coldUnits > 0 && cold > 0)
        {
            var demand = (Math.Max(0, coldBacklog) / slaSeconds) + Math.Max(0, coldArrivals);
            cold = Math.Max(cold, BalancedPods.For(demand, coldUnits, perPodThroughput));
        }

        return (int)Math.Min(int.MaxValue, (long)cold + hotUnits);
    }

    /// <summary>Seconds to drain <paramref name="backlog"/> at <paramref name="pods"/> pods while arrivals continue; infinity when it never drains.</summary>
    public static double DrainSeconds(long backlog, double arrivalRate, int pods, double perPodThroughput)
    {
        if (backlog <= 0)
        {
            return 0;
        }

        var spare = (pods * perPodThroughput) - Math.Max(0, arrivalRate);
        return spare > 0 ? backlog / spare : double.PositiveInfinity;
    }
}
