using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Ecs;

/// <summary>
/// The keys of the <c>ecs</c> orchestrator, written once for its provider and the schema test: the agent-wide section
/// <c>orchestrators.ecs</c> and a pipeline's <c>orchestrator</c> mapping.
/// </summary>
public static class EcsOrchestratorKeys
{
    /// <summary><c>region</c>: the AWS region, for example <c>eu-west-1</c> (default: the region given in code, else <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>).</summary>
    public const string Region = "region";

    /// <summary><c>endpoint</c>: an explicit ECS endpoint URL (default: the regional <c>https://ecs.REGION.amazonaws.com/</c>).</summary>
    public const string Endpoint = "endpoint";

    /// <summary><c>autoScalingEndpoint</c>: an explicit Application Auto Scaling endpoint URL (default: <c>endpoint</c> when set, else regional).</summary>
    public const string AutoScalingEndpoint = "autoScalingEndpoint";

    /// <summary><c>scaleInProtectionMinutes</c>: how long the tasks that stay are protected during a scale-in, 1 to 2880; 0 lets ECS choose (default 2).</summary>
    public const string ScaleInProtectionMinutes = "scaleInProtectionMinutes";

    /// <summary><c>cluster</c> (per pipeline): the short name or ARN of the ECS cluster. Required.</summary>
    public const string Cluster = "cluster";

    /// <summary><c>service</c> (per pipeline): the name of the ECS service whose desired count the agent sets. Required.</summary>
    public const string Service = "service";

    /// <summary>Every key <c>orchestrators.ecs</c> accepts.</summary>
    public static IReadOnlyList<string> All { get; } = [Region, Endpoint, AutoScalingEndpoint, ScaleInProtectionMinutes];

    /// <summary>Every key a pipeline's <c>orchestrator</c> mapping of kind <c>ecs</c> accepts.</summary>
    public static IReadOnlyList<string> Pipeline { get; } = [OrchestratorKeys.Kind, Cluster, Service];
}
