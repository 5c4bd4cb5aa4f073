using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Configuration;

/// <summary>A pipeline's <c>orchestrator</c> as read: the kind and its per-pipeline settings (null when they have errors).</summary>
/// <param name="Kind">A known orchestrator kind.</param>
/// <param name="Settings">What the kind's provider read from the pipeline's mapping; null when that had errors.</param>
/// <param name="PodDefinedBy">The kind's <see cref="Pods.IPodOrchestratorProvider.PodDefinedBy"/>: null when the pipeline's <c>pod</c> section defines the pods.</param>
internal sealed record OrchestratorSelection(string Kind, OrchestratorPipelineSettings? Settings, string? PodDefinedBy);
