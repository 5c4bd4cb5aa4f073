using Docker.DotNet;
using Docker.DotNet.Models;

namespace Force12.Queues.Swarm.Tests;

/// <summary>
/// The orchestrator's seam over the real engine, which can make the engine refuse the next write with a real stale
/// version: right before that write it updates a label on the service from outside (the docker command line), so the
/// version the orchestrator read is no longer the service's and the engine answers "update out of sequence".
/// </summary>
internal sealed class ConflictInjectingSwarmClient(IDockerClient client) : ISwarmServiceClient
{
    private readonly DockerSwarmServiceClient _inner = new(client);
    private int _armed;

    /// <summary>The label the injected outside update sets on the service.</summary>
    public const string InjectedLabel = "force12.test.outside-writer";

    /// <summary>Writes the engine refused as stale, injected or not.</summary>
    public int StaleWritesRefused { get; private set; }

    /// <summary>Makes the next write meet a newer version.</summary>
    public void ConflictOnNextWrite() => Interlocked.Exchange(ref _armed, 1);

    /// <inheritdoc />
    public Task<SwarmService?> InspectServiceAsync(string service, CancellationToken cancellationToken) =>
        _inner.InspectServiceAsync(service, cancellationToken);

    /// <inheritdoc />
    public async Task UpdateServiceAsync(string serviceId, long version, ServiceSpec spec, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            await DockerCli.RunAsync("service", "update", "--detach", "--label-add", $"{InjectedLabel}=version-{version}", serviceId);
        }

        try
        {
            await _inner.UpdateServiceAsync(serviceId, version, spec, cancellationToken);
        }
        catch (DockerApiException e) when (SwarmReplicaWriter.IsStaleVersion(e))
        {
            StaleWritesRefused++;
            throw;
        }
    }

    /// <inheritdoc />
    public Task<IList<TaskResponse>> ListTasksAsync(string serviceId, CancellationToken cancellationToken) =>
        _inner.ListTasksAsync(serviceId, cancellationToken);
}
