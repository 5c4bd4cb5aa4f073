using Force12.Queues.Core.Pods;

namespace Force12.Queues.Swarm;

/// <summary>A pipeline's <c>orchestrator</c> settings of kind <c>swarm</c>: the service it scales.</summary>
/// <param name="Service">Name or id of the replicated Swarm service (<c>pipelines.NAME.orchestrator.service</c>).</param>
public sealed record SwarmPipelineSettings(string Service) : OrchestratorPipelineSettings;
