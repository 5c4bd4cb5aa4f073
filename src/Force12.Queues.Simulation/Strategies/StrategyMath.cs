using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Simulation.Strategies;

/// <summary>Small helpers shared by strategies.</summary>
internal static class StrategyMath
{
    /// <summary>Pods that keep up with the trace's rate at the start: where a run begins in steady state.</summary>
    public static int SteadyStartPods(SimulatedPipeline spec)
    {
        var pods = BalancedPods.For(spec.Trace.RateAt(0), spec.Partitions, spec.PodThroughput);
        return Math.Clamp(Math.Min(pods, spec.Partitions), spec.Policy.MinPods, spec.Policy.MaxPods);
    }
}
