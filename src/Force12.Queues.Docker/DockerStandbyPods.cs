using System.Collections.Concurrent;
using Docker.DotNet;
using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Docker;

/// <summary>
/// Keeps <see cref="PodTemplate.StandbyPods"/> pods per pipeline whose containers are created but not started, so a
/// scale-up only starts them. Found again by their labels (<see cref="DockerPodLabels"/>), so a restarted agent adopts
/// them. All calls run under the pipeline's lock (see <see cref="PodOrchestratorBase"/>).
/// </summary>
internal sealed class DockerStandbyPods
{
    private readonly IDockerClient _client;
    private readonly DockerPodLifecycle _lifecycle;
    private readonly DockerOrchestratorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    // Standby pods the current scale-up may start, per pipeline; loaded before its starts, emptied after them.
    private readonly ConcurrentDictionary<string, ConcurrentQueue<StandbyPod>> _available = new(StringComparer.Ordinal);

    public DockerStandbyPods(IDockerClient client, DockerPodLifecycle lifecycle, DockerOrchestratorOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _client = client;
        _lifecycle = lifecycle;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Before a scale-up: makes the complete standby pods created from this very template available to <see cref="TryTake"/>.</summary>
    public async Task LoadAsync(PodTemplate template, CancellationToken cancellationToken)
    {
        if (template.StandbyPods == 0)
        {
            _available.TryRemove(template.Pipeline, out _);
            return;
        }

        var spec = DockerContainerSpec.SpecHash(template, _options);
        var usable = (await ListAsync(template.Pipeline, cancellationToken))
            .Where(p => p.Containers.Count == p.ExpectedSize && p.StandbySpec == spec)
            .Select(p => new StandbyPod(p.Id, p.Containers.Select(c => c.ID).ToArray()));
        _available[template.Pipeline] = new ConcurrentQueue<StandbyPod>(usable);
    }

    /// <summary>Takes one standby pod to start, oldest first; false when none is left.</summary>
    public bool TryTake(string pipeline, out StandbyPod pod)
    {
        pod = null!;
        return _available.TryGetValue(pipeline, out var queue) && queue.TryDequeue(out pod!);
    }

    /// <summary>
    /// After a scale call: keeps <see cref="PodTemplate.StandbyPods"/> standby pods while <paramref name="running"/> &gt; 0 and
    /// none at zero. Removes incomplete ones, ones from another template and surplus ones; creates missing ones.
    /// Returns problems met, one line each. Lists the engine only when standby pods are wanted or were seen.
    /// </summary>
    public async Task<IReadOnlyList<string>> TopUpAsync(PodTemplate template, int running, bool seen, CancellationToken cancellationToken)
    {
        _available.TryRemove(template.Pipeline, out _);
        var target = running > 0 ? template.StandbyPods : 0;
        if (target == 0 && !seen)
        {
            return [];
        }

        var spec = DockerContainerSpec.SpecHash(template, _options);
        var pods = await ListAsync(template.Pipeline, cancellationToken);
        var stale = pods.Where(p => p.Containers.Count != p.ExpectedSize || p.StandbySpec != spec).ToList();
        var usable = pods.Except(stale).ToList();
        var surplus = usable.Skip(target).ToList();
        var unwanted = stale.Concat(surplus).ToList();
        if (unwanted.Count > 0)
        {
            await _lifecycle.RemoveAllAsync(unwanted.SelectMany(p => p.Containers).Select(c => c.ID));
            DockerLog.StandbyPodsRemoved(_logger, template.Pipeline, unwanted.Count, stale.Count, target);
        }

        var missing = target - (usable.Count - surplus.Count);
        return missing <= 0 ? [] : await CreateAsync(template, spec, missing, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> CreateAsync(PodTemplate template, string spec, int count, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(_options.MaxParallelPodStarts);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                await _lifecycle.CreateContainersAsync(template, PodIds.New(template.Pipeline), _timeProvider.GetUtcNow(), spec, cancellationToken);
                return null;
            }
            catch (PodStartException ex)
            {
                return $"standby pod {ex.PodId} could not be created and was removed: {ex.Message}";
            }
            finally
            {
                gate.Release();
            }
        }));
        return outcomes.OfType<string>().ToList();
    }

    /// <summary>The pipeline's standby pods (labelled so, nothing started yet), oldest first.</summary>
    private async Task<IReadOnlyList<DockerPod>> ListAsync(string pipeline, CancellationToken cancellationToken)
    {
        var containers = await _client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool> { [$"{PodLabels.Pipeline}={pipeline}"] = true, [$"{DockerPodLabels.Standby}=true"] = true },
                },
            },
            cancellationToken);
        return DockerPodGrouping.Group(containers, pipeline).Where(p => p.IsStandby).ToList();
    }
}
