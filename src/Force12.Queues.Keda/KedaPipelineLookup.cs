using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Keda.Protocol;
using Grpc.Core;

namespace Force12.Queues.Keda;

/// <summary>
/// Finds the pipeline a ScaledObject names (<c>scalerMetadata.pipeline</c>) and its newest status, or throws the
/// <see cref="RpcException"/> KEDA should see: InvalidArgument without the key, NotFound for a pipeline the agent does
/// not run, FailedPrecondition for a pipeline the agent actuates itself (two controllers would fight over its
/// replicas), Unavailable before the pipeline's first successful collection (KEDA then keeps the replicas as they are
/// and applies the ScaledObject's <c>fallback</c>, instead of scaling on a count the agent has not decided yet).
/// </summary>
internal sealed class KedaPipelineLookup(AgentConfiguration configuration, AgentStatusBoard board)
{
    /// <summary>The <c>scalerMetadata</c> key that names the pipeline.</summary>
    public const string PipelineKey = "pipeline";

    /// <summary>The board the statuses come from.</summary>
    public AgentStatusBoard Board => board;

    /// <summary>The pipeline's name after checking that the agent serves it to KEDA.</summary>
    public string PipelineOf(ScaledObjectRef? scaledObject)
    {
        var who = scaledObject is null ? "the ScaledObject" : $"ScaledObject {scaledObject.Namespace}/{scaledObject.Name}";
        if (scaledObject is null || !scaledObject.ScalerMetadata.TryGetValue(PipelineKey, out var name) || string.IsNullOrWhiteSpace(name))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"{who}: the trigger's metadata must name the Force12 pipeline (metadata.{PipelineKey})"));
        }

        var pipeline = configuration.Pipelines.FirstOrDefault(p => p.Name == name);
        if (pipeline is null)
        {
            var served = configuration.Pipelines.Where(p => p.OrchestratorKind == KedaPodOrchestrator.KindName).Select(p => p.Name);
            throw new RpcException(new Status(StatusCode.NotFound,
                $"{who}: pipeline '{name}' is not configured in this agent (pipelines of orchestrator kind keda: {string.Join(", ", served.DefaultIfEmpty("none"))})"));
        }

        if (pipeline.OrchestratorKind != KedaPodOrchestrator.KindName)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"{who}: pipeline '{name}' is actuated by the agent (orchestrator kind {pipeline.OrchestratorKind}), not by KEDA; set its orchestrator to keda"));
        }

        return name;
    }

    /// <summary>The pipeline's status in <paramref name="status"/>, or null before its first successful collection.</summary>
    public static PipelineStatus? Decided(AgentStatus status, string pipeline) =>
        status.Pipelines.FirstOrDefault(p => p.Name == pipeline) is { LastSuccessfulCollectTick: not null } decided ? decided : null;

    /// <summary>The pipeline's newest decided status, or Unavailable.</summary>
    public PipelineStatus StatusOf(string pipeline) =>
        Decided(board.Current, pipeline) ?? throw new RpcException(new Status(StatusCode.Unavailable,
            $"pipeline '{pipeline}' has no successful collection yet, so the agent has not decided its pods"));
}
