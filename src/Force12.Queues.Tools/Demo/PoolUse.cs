using Force12.Queues.Core.Agent;

namespace Force12.Queues.Tools.Demo;

/// <summary>How a scenario's pipelines shared the pool, tick by tick: pure arithmetic over the agent's status.</summary>
internal sealed record PoolUse
{
    /// <summary>Most slots held at once (running plus starting pods of every pipeline).</summary>
    public int MostInUse { get; init; }

    /// <summary>Ticks whose needs (each clamped to the pipeline's bounds) added up to more than the pool.</summary>
    public int ContentionTicks { get; init; }

    /// <summary>Of those, ticks with every slot held.</summary>
    public int FullTicks { get; init; }

    /// <summary>Slots held during contention as a percentage of the pool, averaged over those ticks.</summary>
    public double UsePercent { get; init; }

    /// <summary>Contention ticks in which the first (highest-priority) pipeline's target was its whole need.</summary>
    public int HighMetTicks { get; init; }

    /// <summary>Ticks in which the last (lowest-priority) pipeline's target went down.</summary>
    public int LowYields { get; init; }

    /// <summary>Ticks in which the last pipeline's target went back up after it had yielded.</summary>
    public int LowTakesBack { get; init; }

    /// <summary>Adds up <paramref name="ticks"/> of <paramref name="scenario"/>.</summary>
    public static PoolUse From(DemoScenario scenario, IReadOnlyList<AgentStatus> ticks)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(ticks);
        int most = 0, contention = 0, full = 0, highMet = 0, yields = 0, takesBack = 0;
        double used = 0;
        int? lastLowTarget = null;
        var low = scenario.Pipelines[^1];
        foreach (var tick in ticks.Where(t => t.Pipelines.Count > 0))
        {
            var inUse = tick.Pipelines.Sum(p => p.CapacityUsed);
            most = Math.Max(most, inUse);
            var need = scenario.Pipelines.Sum(p => Need(p, tick));
            if (need > scenario.PodSlots)
            {
                contention++;
                used += (double)inUse / scenario.PodSlots;
                full += inUse >= scenario.PodSlots ? 1 : 0;
                var high = tick.Pipelines.FirstOrDefault(p => p.Name == scenario.Pipelines[0].Name);
                highMet += high is not null && high.TargetPods >= Need(scenario.Pipelines[0], tick) ? 1 : 0;
            }

            if (tick.Pipelines.FirstOrDefault(p => p.Name == low.Name) is { } now)
            {
                yields += now.TargetPods < lastLowTarget ? 1 : 0;
                takesBack += yields > 0 && now.TargetPods > lastLowTarget ? 1 : 0;
                lastLowTarget = now.TargetPods;
            }
        }

        return new PoolUse
        {
            MostInUse = most,
            ContentionTicks = contention,
            FullTicks = full,
            UsePercent = contention > 0 ? 100 * used / contention : 0,
            HighMetTicks = highMet,
            LowYields = yields,
            LowTakesBack = takesBack,
        };
    }

    /// <summary>The pipeline's need in <paramref name="tick"/> within its bounds (0 when it is not in the tick).</summary>
    private static int Need(DemoPipeline pipeline, AgentStatus tick) =>
        tick.Pipelines.FirstOrDefault(p => p.Name == pipeline.Name) is { } status
            ? Math.Max(pipeline.MinPods, Math.Min(status.NeededPods, pipeline.Partitions))
            : 0;
}
