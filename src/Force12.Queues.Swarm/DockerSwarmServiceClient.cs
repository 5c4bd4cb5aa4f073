using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Force12.Queues.Swarm;

/// <summary><see cref="ISwarmServiceClient"/> on a Docker.DotNet client, which the caller owns.</summary>
internal sealed class DockerSwarmServiceClient(IDockerClient client) : ISwarmServiceClient
{
    /// <inheritdoc />
    public async Task<SwarmService?> InspectServiceAsync(string service, CancellationToken cancellationToken)
    {
        try
        {
            return await client.Swarm.InspectServiceAsync(service, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task UpdateServiceAsync(string serviceId, long version, ServiceSpec spec, CancellationToken cancellationToken) =>
        client.Swarm.UpdateServiceAsync(serviceId, new ServiceUpdateParameters { Version = version, Service = spec }, cancellationToken);

    /// <inheritdoc />
    public Task<IList<TaskResponse>> ListTasksAsync(string serviceId, CancellationToken cancellationToken) =>
        client.Tasks.ListAsync(
            new TasksListParameters
            {
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["service"] = new Dictionary<string, bool> { [serviceId] = true } },
            },
            cancellationToken);
}
