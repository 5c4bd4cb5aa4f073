namespace Force12.Queues.Core.Configuration;

/// <summary>The keys of one pipeline (<c>pipelines.NAME</c>); its policy keys are declared in <see cref="SlaPolicyKeys"/> and are part of <see cref="All"/>.</summary>
public static class PipelineKeys
{
    /// <summary><c>priority</c>: 1 is highest.</summary>
    public const string Priority = "priority";

    /// <summary><c>remainder</c>: takes only idle capacity.</summary>
    public const string Remainder = "remainder";

    /// <summary><c>consumersPerPod</c>: consumers one pod runs.</summary>
    public const string ConsumersPerPod = "consumersPerPod";

    /// <summary><c>source</c>: where the backlog is measured; its keys are the source kind's.</summary>
    public const string Source = "source";

    /// <summary><c>orchestrator</c>: the orchestrator kind that runs the pods, or a mapping of <c>kind</c> and the kind's per-pipeline keys (see <see cref="OrchestratorKeys"/>).</summary>
    public const string Orchestrator = "orchestrator";

    /// <summary><c>pod</c>: what one pod is (see <see cref="PodKeys"/>).</summary>
    public const string Pod = "pod";

    /// <summary><c>forecast</c>: the arrival-rate forecast (see <see cref="ForecastKeys"/>).</summary>
    public const string Forecast = ForecastKeys.Section;

    /// <summary>Every key accepted in a pipeline: these and the policy keys.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Priority, Remainder, ConsumersPerPod, .. SlaPolicyKeys.All, Forecast, Source, Orchestrator, Pod];
}
