namespace Force12.Queues.Simulation.Engine;

/// <summary>Turns the state of a finished run into per-pipeline and combined results.</summary>
internal static class RunScoring
{
    public static PolicyResult Score(string policy, PipelineRuntime[] runtimes, int[] peakPods, double duration)
    {
        var pipelines = new List<PipelineResult>();
        var scored = new List<double>();
        for (var i = 0; i < runtimes.Length; i++)
        {
            var runtime = runtimes[i];
            runtime.ScoreLeftovers(duration);
            scored.Add(runtime.Delays.Total);
            pipelines.Add(new PipelineResult
            {
                Pipeline = runtime.Spec.Name,
                Priority = runtime.Spec.Priority,
                WithinSlaPercent = runtime.Delays.Total > 0 ? 100 * runtime.Delays.WithinSla / runtime.Delays.Total : 100,
                P99DelaySeconds = runtime.Delays.Quantile(0.99),
                PodSeconds = runtime.PodSeconds,
                ScaleActions = runtime.ScaleActions,
                TimeAtNeedPercent = runtime.Decisions > 0 ? 100.0 * runtime.DecisionsAtNeed / runtime.Decisions : 100,
                BacklogAtEnd = runtime.Backlog,
                PeakPods = peakPods[i],
            });
        }

        return PolicyResult.Combine(policy, pipelines, scored);
    }
}
