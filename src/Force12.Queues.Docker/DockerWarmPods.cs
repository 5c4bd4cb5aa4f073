using System.Collections.Concurrent;
using System.Globalization;
using Docker.DotNet;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Docker;

/// <summary>
/// Warm pods on Docker (docs/pod-contract.md): which listed pods were started warm (label <see cref="DockerPodLabels.Warm"/>),
/// whether they said warm or were promoted (read once each through <see cref="DockerWarmControl"/>, then remembered), and
/// the promotion itself. A restarted agent reads each adopted warm pod's files once.
/// </summary>
internal sealed class DockerWarmPods
{
    private readonly DockerWarmControl _control;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _warmAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _promotedAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _promotionChecked = new(StringComparer.Ordinal);

    public DockerWarmPods(IDockerClient client, TimeProvider timeProvider)
    {
        _control = new DockerWarmControl(client);
        _timeProvider = timeProvider;
    }

    public DockerWarmControl Control => _control;

    /// <summary><paramref name="listed"/> with its warm state when <paramref name="pod"/> was started warm; unchanged otherwise.</summary>
    public async Task<PodInfo> StateOfAsync(DockerPod pod, PodInfo listed, CancellationToken cancellationToken)
    {
        var labels = pod.Containers[0].Labels;
        if (labels is null || !labels.TryGetValue(DockerPodLabels.Warm, out var warm) || warm != "true")
        {
            return listed;
        }

        if (listed.State is not (PodState.Running or PodState.Ready))
        {
            return listed with { StartedWarm = true };
        }

        if (!_promotedAt.ContainsKey(pod.Id) && _promotionChecked.TryAdd(pod.Id, true)
            && await AppearedAsync(pod, WarmPodContract.ConsumeFile, cancellationToken) is { } promoted)
        {
            _promotedAt[pod.Id] = promoted;
        }

        if (!_warmAt.ContainsKey(pod.Id) && !_promotedAt.ContainsKey(pod.Id)
            && await AppearedAsync(pod, WarmPodContract.WarmFile, cancellationToken) is { } warmAt)
        {
            _warmAt[pod.Id] = warmAt;
        }

        var timeout = labels.TryGetValue(DockerPodLabels.WarmTimeoutSeconds, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : PodTemplate.DefaultWarmTimeout;
        return WarmPodState.Of(listed, Get(_warmAt, pod.Id), Get(_promotedAt, pod.Id), timeout, _timeProvider.GetUtcNow());
    }

    /// <summary>Writes <c>consume</c> into every container of the pod and returns it ready since now.</summary>
    public async Task<PodInfo> PromoteAsync(PodInfo pod, CancellationToken cancellationToken)
    {
        var at = _timeProvider.GetUtcNow();
        await Task.WhenAll(pod.Containers.Select(c => _control.PromoteAsync(c.Id, at, cancellationToken)));
        _promotedAt[pod.Id] = at;
        return pod with { State = PodState.Ready, PromotedAt = at, ReadyAt = at };
    }

    /// <summary>Forgets a pod that was stopped.</summary>
    public void Forget(string podId)
    {
        _warmAt.TryRemove(podId, out _);
        _promotedAt.TryRemove(podId, out _);
        _promotionChecked.TryRemove(podId, out _);
    }

    private static DateTimeOffset? Get(ConcurrentDictionary<string, DateTimeOffset> times, string podId) =>
        times.TryGetValue(podId, out var at) ? at : null;

    private async Task<DateTimeOffset?> AppearedAsync(DockerPod pod, string file, CancellationToken cancellationToken)
    {
        var found = await Task.WhenAll(pod.Containers.Select(c => _control.AppearedAsync(c.ID, file, cancellationToken)));
        return found.Where(t => t is not null).Min();
    }
}
