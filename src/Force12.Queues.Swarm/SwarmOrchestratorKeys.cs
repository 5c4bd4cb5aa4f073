using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Swarm;

/// <summary>
/// The keys of the <c>swarm</c> orchestrator, written once for its provider, its validator and the schema test:
/// the agent-wide section <c>orchestrators.swarm</c> and a pipeline's <c>orchestrator</c> mapping.
/// </summary>
public static class SwarmOrchestratorKeys
{
    /// <summary><c>endpoint</c>: the Docker Engine endpoint of a Swarm manager (default <c>unix:///var/run/docker.sock</c>).</summary>
    public const string Endpoint = "endpoint";

    /// <summary><c>convergenceTimeout</c>: how long one scale call waits for the service's tasks to converge (default 60s).</summary>
    public const string ConvergenceTimeout = "convergenceTimeout";

    /// <summary><c>service</c> (per pipeline): the name or id of the replicated Swarm service the pipeline scales. Required.</summary>
    public const string Service = "service";

    /// <summary>Every key <c>orchestrators.swarm</c> accepts.</summary>
    public static IReadOnlyList<string> All { get; } = [Endpoint, ConvergenceTimeout];

    /// <summary>Every key a pipeline's <c>orchestrator</c> mapping of kind <c>swarm</c> accepts: <c>kind</c> and <c>service</c>.</summary>
    public static IReadOnlyList<string> Pipeline { get; } = [OrchestratorKeys.Kind, Service];
}
