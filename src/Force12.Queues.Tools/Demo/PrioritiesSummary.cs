using System.Globalization;
using Force12.Queues.Core.Agent;
using Force12.Queues.Lightbulbs.Load;

namespace Force12.Queues.Tools.Demo;

/// <summary>
/// The summary of the <c>priorities</c> scenario, from the agent's own per-tick status: each pipeline's messages and
/// share within its SLA (as <see cref="DemoSummary"/> measures it), the most slots in use at once, and the ticks of
/// contention (the pipelines needed more slots than the pool has): how full the pool was then and whether priority 1
/// got its whole need first.
/// </summary>
internal static class PrioritiesSummary
{
    /// <summary>The summary as lines for the terminal.</summary>
    public static IEnumerable<string> Lines(DemoScenario scenario, IReadOnlyList<AgentStatus> ticks, IReadOnlyDictionary<string, LoadReport> load, DemoCounters counters)
    {
        var c = CultureInfo.InvariantCulture;
        var first = DemoSummary.From(ticks, scenario.Pipelines[0].Name, 0, 0, 0);
        yield return string.Create(c, $"ran {first.Duration.TotalSeconds:0} s on a pool of {scenario.PodSlots} pod slots");
        foreach (var pipeline in scenario.Pipelines)
        {
            var sent = load.TryGetValue(pipeline.Name, out var report) ? report.Acknowledged : 0;
            var s = DemoSummary.From(ticks, pipeline.Name, sent, 0, 0);
            var within = s.WithinSlaPercent is { } percent ? string.Create(c, $"{percent:0.0}%") : "n/a";
            yield return string.Create(c,
                $"{pipeline.Name} (priority {pipeline.Priority}, SLA {pipeline.Sla.TotalSeconds:0} s): {s.MessagesSent:N0} sent, {s.MessagesProcessed:N0} processed, within SLA: {within}, oldest seen {s.MaxBacklogSeconds:0.0} s, at most {s.MaxPods} pods");
        }

        var pool = PoolUse.From(scenario, ticks);
        yield return string.Create(c, $"pool: at most {pool.MostInUse} of {scenario.PodSlots} slots in use at once");
        if (pool.ContentionTicks == 0)
        {
            yield return "contention: none, the pipelines never needed more slots than the pool has";
        }
        else
        {
            yield return string.Create(c,
                $"contention: {pool.ContentionTicks} ticks where the pipelines needed more than {scenario.PodSlots} slots; pool use during them {pool.UsePercent:0.0}% ({pool.FullTicks} ticks with every slot in use)");
            var (high, low) = (scenario.Pipelines[0], scenario.Pipelines[^1]);
            yield return string.Create(c,
                $"priority {high.Priority} ({high.Name}) got its whole need first in {pool.HighMetTicks} of {pool.ContentionTicks} contention ticks; priority {low.Priority} ({low.Name}) yielded slots {pool.LowYields} times and took them back {pool.LowTakesBack} times");
        }

        yield return string.Create(c, $"scale actions while running: {counters.Started} pods started, {counters.Stopped} stopped (every pod is stopped at the end)");
    }
}
