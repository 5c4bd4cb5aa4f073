using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Configuration;

/// <summary>One pipeline: where its backlog is measured, how it scales, and what its pods are.</summary>
public sealed record PipelineConfiguration
{
    /// <summary>The pipeline's name, its key under <c>pipelines</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Priority on the pool, 1 highest (<c>priority</c>). Default 1.</summary>
    public int Priority { get; init; } = 1;

    /// <summary>A remainder pipeline takes only idle capacity (<c>remainder: true</c>). Default false.</summary>
    public bool IsRemainder { get; init; }

    /// <summary>Consumers one pod runs (<c>consumersPerPod</c>): useful parallelism is partitions / this. Default 1.</summary>
    public int ConsumersPerPod { get; init; } = 1;

    /// <summary>SLA, pod bounds, throughput prior and the stability settings.</summary>
    public required SlaPolicyOptions Policy { get; init; }

    /// <summary>The arrival-rate forecast (<c>forecast</c>). Default off.</summary>
    public Forecasting.ForecastOptions Forecast { get; init; } = Forecasting.ForecastOptions.Disabled;

    /// <summary>The source whose backlog drives the pipeline.</summary>
    public required ILagSource Source { get; init; }

    /// <summary>The orchestrator kind that runs the pods (<c>orchestrator</c>), for example <c>docker</c> or <c>process</c>.</summary>
    public required string OrchestratorKind { get; init; }

    /// <summary>The pipeline's settings for its orchestrator kind (the keys of its <c>orchestrator</c> mapping besides <c>kind</c>). Default none.</summary>
    public OrchestratorPipelineSettings OrchestratorSettings { get; init; } = OrchestratorPipelineSettings.None;

    /// <summary>What one pod is (<c>pod</c>).</summary>
    public required PodTemplate Pod { get; init; }
}
