using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Simulation.Engine;

/// <summary>
/// The oracle lower bound: the cheapest pod schedule we can compute that meets the SLA with perfect
/// foresight. Time is cut into 1-second slots; the oracle knows every slot's arrivals in advance (the same
/// seeded messages the strategies see). A message that arrives in slot j must be processed by the end of
/// slot j + D - 1, with D = floor((SLA - service time) / 1 s), so it is always within its SLA. Going
/// backwards it finds, for every slot, the least cumulative work that must be done by then so that later
/// slots can still meet their deadlines at the maximum pods; going forwards it runs, each slot, the fewest
/// whole pods (at least the minimum, at most partitions and the maximum) that reach it, processing
/// first-in first-out. A partition is read by one pod, so N pods process at most
/// <see cref="BalancedPods.Capacity"/> (the busiest pod holds ceil(partitions / N)). It is optimistic on
/// purpose: pods are ready exactly when wanted (each start is still billed the start latency in
/// pod-seconds), no rebalance pauses, and load is spread evenly over partitions.
/// </summary>
internal static class OracleSchedule
{
    private const double SlotSeconds = 1;

    public static (PipelineResult Result, double ScoredMessages, IReadOnlyList<TimeSeriesPoint> Series) Compute(SimulatedPipeline spec, int index, SimulationOptions options, double duration)
    {
        var arrivals = SlotArrivals(spec, index, options, duration);
        var slots = arrivals.Length;
        var maxPods = Math.Min(spec.Partitions, spec.Policy.MaxPods);
        var deadlineSlots = Math.Max(1, (int)Math.Floor((spec.Policy.Sla.TotalSeconds - spec.ServiceTimeSeconds) / SlotSeconds));

        // due[k]: cumulative messages whose deadline is the end of slot k or earlier.
        var cumulative = new double[slots + 1];
        for (var k = 0; k < slots; k++)
        {
            cumulative[k + 1] = cumulative[k] + arrivals[k];
        }

        var must = new double[slots + 1];
        for (var k = slots - 1; k >= 0; k--)
        {
            var due = cumulative[Math.Max(0, k - deadlineSlots + 2)];
            must[k] = Math.Max(due, must[k + 1] - (BalancedPods.Capacity(maxPods, spec.Partitions, spec.PodThroughput) * SlotSeconds));
        }

        var histogram = new DelayHistogram(spec.Policy.Sla.TotalSeconds);
        var queue = new Queue<(int Slot, double Count)>();
        var series = new List<TimeSeriesPoint>(slots);
        double processed = 0, podSeconds = 0, headTaken = 0;
        int previous = -1, actions = 0, peak = 0;
        for (var k = 0; k < slots; k++)
        {
            queue.Enqueue((k, arrivals[k]));
            var pods = BalancedPods.For((must[k] - processed) / SlotSeconds, spec.Partitions, spec.PodThroughput);
            pods = Math.Clamp(pods, spec.Policy.MinPods, maxPods);
            podSeconds += pods * SlotSeconds;
            if (previous >= 0 && pods != previous)
            {
                actions++;
                podSeconds += Math.Max(0, pods - previous) * options.PodStartLatency.TotalSeconds;
            }

            previous = pods;
            series.Add(new TimeSeriesPoint(SimulationRunner.OracleName, spec.Name, k * SlotSeconds, arrivals[k], cumulative[k + 1] - processed, pods));
            peak = Math.Max(peak, pods);
            var budget = BalancedPods.Capacity(pods, spec.Partitions, spec.PodThroughput) * SlotSeconds;
            while (budget > 1e-9 && queue.Count > 0)
            {
                var (slot, count) = queue.Peek();
                var take = Math.Min(budget, count - headTaken);
                budget -= take;
                processed += take;
                headTaken += take;
                histogram.Add(((k - slot + 1) * SlotSeconds) + spec.ServiceTimeSeconds, take);
                if (count - headTaken <= 1e-9)
                {
                    queue.Dequeue();
                    headTaken = 0;
                }
            }
        }

        var leftovers = queue.Select((c, i) => (c.Slot, Count: i == 0 ? c.Count - headTaken : c.Count)).ToList();
        foreach (var (slot, count) in leftovers.Where(c => duration - c.Slot > spec.Policy.Sla.TotalSeconds))
        {
            histogram.Add(duration - slot, count);
        }

        var result = new PipelineResult
        {
            Pipeline = spec.Name,
            Priority = spec.Priority,
            WithinSlaPercent = histogram.Total > 0 ? 100 * histogram.WithinSla / histogram.Total : 100,
            P99DelaySeconds = histogram.Quantile(0.99),
            PodSeconds = podSeconds,
            ScaleActions = actions,
            TimeAtNeedPercent = 100,
            BacklogAtEnd = leftovers.Sum(c => c.Count),
            PeakPods = peak,
        };
        return (result, histogram.Total, series);
    }

    /// <summary>The same seeded arrivals the strategies see, summed per slot.</summary>
    private static double[] SlotArrivals(SimulatedPipeline spec, int index, SimulationOptions options, double duration)
    {
        var generator = new ArrivalGenerator(spec, options.Seed, index, options.TickSeconds);
        var perPartition = new double[spec.Partitions];
        var ticks = (long)Math.Round(duration / options.TickSeconds);
        var slots = new double[(int)Math.Ceiling(duration / SlotSeconds)];
        for (long t = 0; t < ticks; t++)
        {
            var seconds = t * options.TickSeconds;
            generator.Next(seconds, perPartition);
            var slot = Math.Min(slots.Length - 1, (int)Math.Floor((seconds + 1e-9) / SlotSeconds));
            foreach (var count in perPartition)
            {
                slots[slot] += count;
            }
        }

        return slots;
    }
}
