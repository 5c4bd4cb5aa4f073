using Force12.Queues.Core.Pods;

namespace Force12.Queues.Ecs;

/// <summary>One pipeline's ECS target: the service whose desired count the agent sets, in its cluster.</summary>
/// <param name="Cluster">Short name or ARN of the cluster.</param>
/// <param name="Service">Name of the service.</param>
public sealed record EcsPipelineSettings(string Cluster, string Service) : OrchestratorPipelineSettings;
