using Docker.DotNet.Models;

namespace Force12.Queues.Swarm;

/// <summary>
/// The three calls of the Docker Engine API the orchestrator makes: the narrow seam over Docker.DotNet that tests wrap
/// (for example to make the engine answer one write with a stale version).
/// </summary>
internal interface ISwarmServiceClient
{
    /// <summary><c>GET /services/{id}</c>: the service with its version and full spec; null when the engine does not know it.</summary>
    Task<SwarmService?> InspectServiceAsync(string service, CancellationToken cancellationToken);

    /// <summary><c>POST /services/{id}/update?version=N</c> with the whole spec; throws <see cref="Docker.DotNet.DockerApiException"/> when refused.</summary>
    Task UpdateServiceAsync(string serviceId, long version, ServiceSpec spec, CancellationToken cancellationToken);

    /// <summary><c>GET /tasks?filters={"service":[id]}</c>: every task the engine keeps for the service, old ones included.</summary>
    Task<IList<TaskResponse>> ListTasksAsync(string serviceId, CancellationToken cancellationToken);
}
