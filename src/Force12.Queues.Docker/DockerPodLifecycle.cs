using Docker.DotNet;
using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Docker;

/// <summary>Creates and stops whole pods on the Docker Engine. No half pods: a failed start removes what it created.</summary>
internal sealed class DockerPodLifecycle
{
    /// <summary>Exit code of a container killed by SIGKILL (128 + 9).</summary>
    private const long KilledExitCode = 137;

    private readonly IDockerClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly DockerOrchestratorOptions _options;

    public DockerPodLifecycle(IDockerClient client, TimeProvider timeProvider, DockerOrchestratorOptions options)
    {
        _client = client;
        _timeProvider = timeProvider;
        _options = options;
    }

    /// <summary>Creates and starts every container of a new pod; on any failure removes them all and throws.</summary>
    public async Task<PodInfo> StartPodAsync(PodTemplate template, CancellationToken cancellationToken)
    {
        var podId = PodIds.New(template.Pipeline);
        var createdAt = _timeProvider.GetUtcNow();
        var ids = await CreateContainersAsync(template, podId, createdAt, standbySpec: null, cancellationToken);
        await StartCreatedAsync(podId, ids, cancellationToken);
        return Running(template, podId, createdAt, ids);
    }

    /// <summary>
    /// Creates every container of a pod at once without starting them (the others name container 0 as their network
    /// namespace, which Docker resolves at start); returns their ids in template order. On any failure removes what was
    /// created and throws <see cref="PodStartException"/>.
    /// </summary>
    public async Task<string[]> CreateContainersAsync(
        PodTemplate template, string podId, DateTimeOffset createdAt, string? standbySpec, CancellationToken cancellationToken, DockerWarmControl? warm = null)
    {
        var ids = new string?[template.Containers.Count];
        await CleanUpOnFailureAsync(podId, ids, () => Task.WhenAll(Enumerable.Range(0, ids.Length).Select(async i =>
        {
            ids[i] = (await _client.Containers.CreateContainerAsync(
                DockerContainerSpec.Create(template, i, podId, createdAt, _options, standbySpec, warm is not null), cancellationToken)).ID;
            if (warm is not null)
            {
                await warm.CreateFolderAsync(ids[i]!, cancellationToken);
            }
        })));
        return ids!;
    }

    /// <summary>Creates and starts a pod warm (<see cref="WarmPodContract"/>): the control folder is made in each container before it starts.</summary>
    public async Task<PodInfo> StartWarmPodAsync(PodTemplate template, DockerWarmControl warm, CancellationToken cancellationToken)
    {
        var podId = PodIds.New(template.Pipeline);
        var createdAt = _timeProvider.GetUtcNow();
        var ids = await CreateContainersAsync(template, podId, createdAt, standbySpec: null, cancellationToken, warm);
        await StartCreatedAsync(podId, ids, cancellationToken);
        return Running(template, podId, createdAt, ids) with { State = PodState.Warm, StartedWarm = true };
    }

    /// <summary>Starts container 0 (it owns the network namespace), then the others together. On any failure removes every container and throws <see cref="PodStartException"/>.</summary>
    public Task StartCreatedAsync(string podId, string[] ids, CancellationToken cancellationToken) =>
        CleanUpOnFailureAsync(podId, ids, async () =>
        {
            await StartContainerAsync(ids[0], cancellationToken);
            await Task.WhenAll(ids.Skip(1).Select(id => StartContainerAsync(id, cancellationToken)));
        });

    /// <summary>The pod just started, as <see cref="PodInfo"/>: running since now, created (scale request acted on) at <paramref name="createdAt"/>.</summary>
    public PodInfo Running(PodTemplate template, string podId, DateTimeOffset createdAt, string[] ids) => new()
    {
        Id = podId,
        Pipeline = template.Pipeline,
        State = PodState.Running,
        CreatedAt = createdAt,
        StartedAt = _timeProvider.GetUtcNow(),
        Containers = template.Containers
            .Select((c, i) => new PodContainerInfo { Name = c.Name, Id = ids[i], Running = true })
            .ToList(),
    };

    /// <summary>Stops every container of the pod (SIGTERM, grace, SIGKILL) and removes them. Returns whether any had to be killed.</summary>
    public async Task<bool> StopPodAsync(DockerPod pod, CancellationToken cancellationToken)
    {
        var killed = await Task.WhenAll(pod.Containers.Select(c => StopContainerAsync(c, pod.StopGracePeriod, cancellationToken)));
        await RemoveAllAsync(pod.Containers.Select(c => c.ID));
        return killed.Any(k => k);
    }

    private async Task CleanUpOnFailureAsync(string podId, string?[] ids, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is DockerApiException or HttpRequestException or TimeoutException)
        {
            await RemoveAllAsync(ids.OfType<string>());
            throw new PodStartException(podId, ex.Message, ex);
        }
        catch (OperationCanceledException)
        {
            await RemoveAllAsync(ids.OfType<string>());
            throw;
        }
    }

    private async Task StartContainerAsync(string id, CancellationToken cancellationToken)
    {
        if (!await _client.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken))
        {
            throw new DockerApiException(System.Net.HttpStatusCode.NotModified, $"container {id} was already started");
        }
    }

    private async Task<bool> StopContainerAsync(ContainerListResponse container, TimeSpan grace, CancellationToken cancellationToken)
    {
        if (container.State != "running")
        {
            return false;
        }

        try
        {
            // Docker sends the stop signal (SIGTERM), waits the grace period, then sends SIGKILL.
            await _client.Containers.StopContainerAsync(
                container.ID,
                new ContainerStopParameters { WaitBeforeKillSeconds = (uint)Math.Ceiling(grace.TotalSeconds) },
                cancellationToken);
            var inspected = await _client.Containers.InspectContainerAsync(container.ID, cancellationToken);
            return inspected.State.ExitCode == KilledExitCode;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Force-removes the containers (running or not); ones already gone are fine.</summary>
    public async Task RemoveAllAsync(IEnumerable<string> containerIds)
    {
        // Removal must finish even when the caller gave up: a half-removed pod is what we promise never to leave.
        await Task.WhenAll(containerIds.Select(async id =>
        {
            try
            {
                await _client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
            }
            catch (DockerContainerNotFoundException)
            {
                // Already gone.
            }
        }));
    }
}
