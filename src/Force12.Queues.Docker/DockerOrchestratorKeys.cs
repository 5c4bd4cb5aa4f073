using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Docker;

/// <summary>
/// The keys of the <c>docker</c> orchestrator, written once for its provider, its validator and the schema test:
/// the agent-wide section <c>orchestrators.docker</c> and a pipeline's <c>orchestrator</c> mapping.
/// </summary>
public static class DockerOrchestratorKeys
{
    /// <summary><c>endpoint</c>: the Docker Engine endpoint (default <c>unix:///var/run/docker.sock</c>).</summary>
    public const string Endpoint = "endpoint";

    /// <summary><c>maxParallelPodStarts</c>: pods created at the same time during one scale-up (default 8).</summary>
    public const string MaxParallelPodStarts = "maxParallelPodStarts";

    /// <summary><c>useInit</c>: run Docker's init as PID 1 of each container (default false).</summary>
    public const string UseInit = "useInit";

    /// <summary><c>containerNamePrefix</c>: prefix of container names (default <c>force12-</c>).</summary>
    public const string ContainerNamePrefix = "containerNamePrefix";

    /// <summary>Every key <c>orchestrators.docker</c> accepts.</summary>
    public static IReadOnlyList<string> All { get; } = [Endpoint, MaxParallelPodStarts, UseInit, ContainerNamePrefix];

    /// <summary>Every key a pipeline's <c>orchestrator</c> mapping of kind <c>docker</c> accepts: only <c>kind</c> so far.</summary>
    public static IReadOnlyList<string> Pipeline { get; } = [OrchestratorKeys.Kind];
}
