using Docker.DotNet.Models;

namespace Force12.Queues.Docker;

/// <summary>The containers of one pod found by their <c>force12.*</c> labels, in template order.</summary>
internal sealed record DockerPod(
    string Id,
    string Pipeline,
    int ExpectedSize,
    DateTimeOffset CreatedAt,
    TimeSpan StopGracePeriod,
    IReadOnlyList<ContainerListResponse> Containers)
{
    /// <summary>Complete and every container running.</summary>
    public bool AllRunning => Containers.Count == ExpectedSize && Containers.All(c => c.State == "running");

    /// <summary>A standby pod: labelled so, and no container has been started (see <see cref="DockerPodLabels.Standby"/>).</summary>
    public bool IsStandby => Containers.Any(c => c.Labels.TryGetValue(DockerPodLabels.Standby, out var v) && v == "true")
        && Containers.All(c => c.State == "created");

    /// <summary>Labelled standby, whether still waiting or already started.</summary>
    public bool WasStandby => Containers.Any(c => c.Labels.TryGetValue(DockerPodLabels.Standby, out var v) && v == "true");

    /// <summary>The standby spec hash it was created from, if any.</summary>
    public string? StandbySpec => Containers.Select(c => c.Labels.TryGetValue(DockerPodLabels.StandbySpec, out var v) ? v : null).FirstOrDefault(v => v is not null);

    /// <summary>Some container is being removed.</summary>
    public bool Removing => Containers.Any(c => c.State == "removing");

    /// <summary>A health check of some container has not passed (yet).</summary>
    public bool HealthPending => Containers.Any(c =>
        c.Status is { } status
        && (status.Contains("(health: starting)", StringComparison.Ordinal) || status.Contains("(unhealthy)", StringComparison.Ordinal)));
}
