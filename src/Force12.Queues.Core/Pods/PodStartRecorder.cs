using System.Collections.Concurrent;

namespace Force12.Queues.Core.Pods;

/// <summary>
/// Feeds <see cref="PodMetrics"/> once per pod and phase, remembering which pods were recorded until they are gone.
/// <see cref="PodOrchestratorBase"/> uses one; an orchestrator whose engine starts the pods itself (Kubernetes) calls
/// only <see cref="Listed"/>, with the times the engine reports.
/// </summary>
public sealed class PodStartRecorder
{
    private readonly PodMetrics? _metrics;
    private readonly string _kind;

    // Pods whose time to ready has been recorded, with their pipeline.
    private readonly ConcurrentDictionary<string, string> _readyRecorded = new(StringComparer.Ordinal);

    /// <summary>Creates a recorder for orchestrator kind <paramref name="kind"/>; records nothing when <paramref name="metrics"/> is null.</summary>
    public PodStartRecorder(PodMetrics? metrics, string kind)
    {
        _metrics = metrics;
        _kind = kind;
    }

    /// <summary>Records a pod this orchestrator just started: time to running, and to ready if it already is.</summary>
    public void Started(PodInfo pod)
    {
        if (pod.TimeToRunning is { } running)
        {
            _metrics?.RecordStart(_kind, pod.Pipeline, "running", running);
        }

        Ready([pod]);
    }

    /// <summary>Records a start failure.</summary>
    public void Failed(string pipeline) => _metrics?.RecordStartFailure(_kind, pipeline);

    /// <summary>Records time to ready for pods seen ready for the first time, and forgets pods no longer listed.</summary>
    public void Listed(string pipeline, IReadOnlyList<PodInfo> listing)
    {
        Ready(listing);
        var live = listing.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, owner) in _readyRecorded)
        {
            if (owner == pipeline && !live.Contains(id))
            {
                _readyRecorded.TryRemove(id, out _);
            }
        }
    }

    private void Ready(IEnumerable<PodInfo> pods)
    {
        if (_metrics is null)
        {
            return;
        }

        foreach (var pod in pods)
        {
            // A promoted warm pod's create-to-ready time is how long it waited warm, not a start: not recorded.
            if (pod is { State: PodState.Ready, StartedWarm: false, TimeToReady: { } ready } && _readyRecorded.TryAdd(pod.Id, pod.Pipeline))
            {
                _metrics.RecordStart(_kind, pod.Pipeline, "ready", ready);
            }
        }
    }
}
