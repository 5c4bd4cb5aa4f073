using System.Numerics;

namespace Force12.Queues.Core.Scaling;

/// <summary>
/// Per-partition numbers folded into the aggregates <see cref="PolicyInput"/> takes: total backlog and
/// arrivals, and the hot partitions set apart. This is the one hot-partition rule (<see cref="IsHot"/>): the
/// decision step applies it to what collectors report, the simulator through the same step, and
/// <c>force12 lag</c> to label units.
/// </summary>
/// <param name="BacklogMessages">Sum of partition backlogs.</param>
/// <param name="ArrivalRatePerSecond">Sum of partition arrival rates.</param>
/// <param name="HotUnits">Partitions one consumer cannot keep within the SLA.</param>
/// <param name="HotBacklogMessages">Backlog of the hot partitions.</param>
/// <param name="HotArrivalRatePerSecond">Arrivals of the hot partitions.</param>
public readonly record struct PartitionLoad(double BacklogMessages, double ArrivalRatePerSecond, int HotUnits, double HotBacklogMessages, double HotArrivalRatePerSecond)
{
    /// <summary>
    /// The hot-partition rule: a partition is hot when one consumer cannot keep it within the SLA, that is when
    /// backlog / SLA + arrivals &gt; one consumer's throughput (a second pod cannot read the same partition).
    /// Negative or NaN figures count as 0, so a partition whose arrival rate is not known yet is judged on its
    /// backlog alone.
    /// </summary>
    /// <param name="backlog">Messages waiting in the partition.</param>
    /// <param name="arrivalRate">Messages arriving per second (0 or NaN when unknown).</param>
    /// <param name="slaSeconds">The pipeline's SLA in seconds.</param>
    /// <param name="perConsumerThroughput">Messages per second one consumer processes (the policy's per-pod throughput).</param>
    public static bool IsHot(double backlog, double arrivalRate, double slaSeconds, double perConsumerThroughput) =>
        ((backlog > 0 ? backlog : 0) * (1 / slaSeconds)) + (arrivalRate > 0 ? arrivalRate : 0) > perConsumerThroughput;

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

        // A tick folds every partition of every pipeline: vectorised, because 1,000 x 1,000 partitions is
        // memory-bound and branchy scalar code doubled the time.
        var perSecondOfSla = 1 / slaSeconds;
        var zero = Vector<double>.Zero;
        var one = Vector<double>.One;
        var limit = new Vector<double>(perPodThroughput);
        var scale = new Vector<double>(perSecondOfSla);
        Vector<double> sumLag = zero, sumRate = zero, sumHotLag = zero, sumHotRate = zero, sumHot = zero;
        var width = Vector<double>.Count;
        var p = 0;
        for (; p <= backlogs.Length - width; p += width)
        {
            var lagIn = new Vector<double>(backlogs[p..]);
            var rateIn = new Vector<double>(arrivalRates[p..]);
            var lag = Vector.ConditionalSelect(Vector.GreaterThan(lagIn, zero), lagIn, zero); // NaN and negatives become 0
            var rate = Vector.ConditionalSelect(Vector.GreaterThan(rateIn, zero), rateIn, zero);
            var isHot = Vector.GreaterThan((lag * scale) + rate, limit);
            sumLag += lag;
            sumRate += rate;
            sumHotLag += Vector.ConditionalSelect(isHot, lag, zero);
            sumHotRate += Vector.ConditionalSelect(isHot, rate, zero);
            sumHot += Vector.ConditionalSelect(isHot, one, zero);
        }

        double backlog = Vector.Sum(sumLag), arrivals = Vector.Sum(sumRate), hotBacklog = Vector.Sum(sumHotLag), hotArrivals = Vector.Sum(sumHotRate);
        var hot = (int)Vector.Sum(sumHot);
        for (; p < backlogs.Length; p++)
        {
            var lag = backlogs[p] > 0 ? backlogs[p] : 0;
            var rate = arrivalRates[p] > 0 ? arrivalRates[p] : 0;
            backlog += lag;
            arrivals += rate;
            if (IsHot(lag, rate, slaSeconds, perPodThroughput))
            {
                hot++;
                hotBacklog += lag;
                hotArrivals += rate;
            }
        }

        return new PartitionLoad(backlog, arrivals, hot, hotBacklog, hotArrivals);
    }
}
