using System.Collections.Concurrent;
using System.Globalization;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Keda;

/// <summary>
/// The <c>keda</c> orchestrator: KEDA and the HPA actuate the pipeline's workload, so this orchestrator starts and stops
/// nothing. It remembers the count the control loop last asked for (which the agent serves to KEDA as its metric) and
/// lists that many placeholder pods in state <see cref="PodState.Running"/>: the agent cannot observe the workload's pods
/// without the Kubernetes API, and the policy must scale from the count it published, so that failed metrics hold that
/// count (never fall to zero) and scale-down is stabilised. They are never <see cref="PodState.Ready"/>: per-pod
/// throughput is not learned from assumed pods (the prior <c>perPodThroughput</c> is used), since an HPA still
/// converging would make the agent underestimate it and overshoot.
/// </summary>
public sealed class KedaPodOrchestrator : IPodOrchestrator
{
    /// <summary>The kind configuration names: <c>keda</c>.</summary>
    public const string KindName = "keda";

    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Since)> _published = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates the orchestrator with the external scaler's settings.</summary>
    public KedaPodOrchestrator(KedaOrchestratorOptions options, TimeProvider time)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The settings the agent serves the external scaler with.</summary>
    public KedaOrchestratorOptions Options { get; }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(PodTemplate podTemplate) => [];

    /// <summary>The count last asked for as placeholder pods <c>keda-0</c>, <c>keda-1</c>, ... (none before the first).</summary>
    public Task<IReadOnlyList<PodInfo>> ListPodsAsync(string pipeline, CancellationToken cancellationToken = default)
    {
        var (count, since) = _published.GetValueOrDefault(pipeline);
        IReadOnlyList<PodInfo> pods = Enumerable.Range(0, count).Select(i => new PodInfo
        {
            Id = "keda-" + i.ToString(CultureInfo.InvariantCulture),
            Pipeline = pipeline,
            State = PodState.Running,
            CreatedAt = since,
        }).ToList();
        return Task.FromResult(pods);
    }

    /// <summary>Records <paramref name="replicas"/> as the count served to KEDA; starts and stops nothing.</summary>
    public Task<PodOperationResult> ScaleAsync(PodTemplate podTemplate, int replicas, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(podTemplate);
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        _published.AddOrUpdate(podTemplate.Pipeline, _ => (replicas, _time.GetUtcNow()),
            (_, old) => old.Count == replicas ? old : (replicas, _time.GetUtcNow()));
        return Task.FromResult(new PodOperationResult { Running = replicas });
    }

    /// <summary>Stops nothing: the HPA's ReplicaSet controller chooses which pods go. Lists the call as a failure.</summary>
    public Task<PodOperationResult> StopPodsAsync(string pipeline, IReadOnlyCollection<string> podIds, CancellationToken cancellationToken = default) =>
        Task.FromResult(new PodOperationResult
        {
            Running = _published.GetValueOrDefault(pipeline).Count,
            Failures = podIds.Count == 0 ? [] : [$"pipeline {pipeline} is actuated by KEDA: the agent cannot stop chosen pods"],
        });

    /// <summary>Nothing to repair: Kubernetes replaces failed pods itself.</summary>
    public Task<PodOperationResult> ReconcileAsync(PodTemplate podTemplate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(podTemplate);
        return Task.FromResult(new PodOperationResult { Running = _published.GetValueOrDefault(podTemplate.Pipeline).Count });
    }
}
