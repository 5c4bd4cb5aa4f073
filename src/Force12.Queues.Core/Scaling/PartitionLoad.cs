namespace Force12.Queues.Core.Scaling;

/// <summary>
/// Per-partition numbers folded into the aggregates <see cref="PolicyInput"/> takes: total backlog and
/// arrivals, and the hot partitions (backlog / SLA + arrivals above one consumer's throughput) set apart.
/// </summary>
/// <param name="BacklogMessages">Sum of partition backlogs.</param>
/// <param name="ArrivalRatePerSecond">Sum of partition arrival rates.</param>
/// <param name="HotUnits">Partitions one consumer cannot keep within the SLA.</param>
/// <param name="HotBacklogMessages">Backlog of the hot partitions.</param>
/// <param name="HotArrivalRatePerSecond">Arrivals of the hot partitions.</param>
public readonly record struct PartitionLoad(double BacklogMessages, double ArrivalRatePerSecond, int HotUnits, double HotBacklogMessages, double HotArrivalRatePerSecond)
{
    /// <summary>
    /// Aggregates <paramref name="backlogs"/> and <paramref name="arrivalRates"/> (same length, one entry per
    /// partition; negative or NaN entries count as 0) for an SLA of <paramref name="slaSeconds"/> and pods of
    /// <paramref name="perPodThroughput"/> messages per second.
    /// </summary>
    public static PartitionLoad From(ReadOnlySpan<double> backlogs, ReadOnlySpan<double> arrivalRates, double slaSeconds, double perPodThroughput)
    {
        if (backlogs.Length != arrivalRates.Length)
        {
            throw new ArgumentException($"backlogs has {backlogs.Length} partitions but arrivalRates has {arrivalRates.Length}.", nameof(arrivalRates));
        }

        double backlog = 0, arrivals = 0, hotBacklog = 0, hotArrivals = 0;
        var hot = 0;
        for (var p = 0; p < backlogs.Length; p++)
        {
            var lag = backlogs[p] > 0 ? backlogs[p] : 0;
            var rate = arrivalRates[p] > 0 ? arrivalRates[p] : 0;
            backlog += lag;
            arrivals += rate;
            if ((lag / slaSeconds) + rate > perPodThroughput)
            {
                hot++;
                hotBacklog += lag;
                hotArrivals += rate;
            }
        }

        return new PartitionLoad(backlog, arrivals, hot, hotBacklog, hotArrivals);
    }
}
