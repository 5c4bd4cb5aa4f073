using Force12.Queues.Core.Pods;
using Force12.Queues.Testing.Pods;

namespace Force12.Queues.Core.Tests.Agent;

/// <summary>
/// The shared <see cref="FakePodOrchestrator"/> behind calls that throw while a fault is set for a pipeline: listing
/// faults come from the returned task, scale faults are thrown at once (both happen in real plugins).
/// </summary>
internal sealed class FaultyOrchestrator(FakePodOrchestrator inner) : IPodOrchestrator
{
    private readonly IPodOrchestrator _inner = inner;
    private readonly List<(string Pipeline, int Replicas)> _scaleAttempts = [];

    /// <summary>Pipelines whose pod listing throws, with the exception.</summary>
    public Dictionary<string, Exception> ListFaults { get; } = new(StringComparer.Ordinal);

    /// <summary>Pipelines whose pod listing never answers and ignores cancellation until the source is completed.</summary>
    public Dictionary<string, TaskCompletionSource<IReadOnlyList<PodInfo>>> ListHangs { get; } = new(StringComparer.Ordinal);

    /// <summary>Pipelines whose scale calls throw, with the exception.</summary>
    public Dictionary<string, Exception> ScaleFaults { get; } = new(StringComparer.Ordinal);

    /// <summary>Every scale call, including those that threw, in order.</summary>
    public IReadOnlyList<(string Pipeline, int Replicas)> ScaleAttempts
    {
        get
        {
            lock (_scaleAttempts)
            {
                return [.. _scaleAttempts];
            }
        }
    }

    public string Kind => _inner.Kind;

    public IReadOnlyList<string> Validate(PodTemplate podTemplate) => _inner.Validate(podTemplate);

    public Task<IReadOnlyList<PodInfo>> ListPodsAsync(string pipeline, CancellationToken cancellationToken = default) =>
        ListHangs.TryGetValue(pipeline, out var hang) ? hang.Task
        : ListFaults.TryGetValue(pipeline, out var fault) ? Task.FromException<IReadOnlyList<PodInfo>>(fault)
        : _inner.ListPodsAsync(pipeline, cancellationToken);

    public Task<PodOperationResult> ScaleAsync(PodTemplate podTemplate, int replicas, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(podTemplate);
        lock (_scaleAttempts)
        {
            _scaleAttempts.Add((podTemplate.Pipeline, replicas));
        }

        return ScaleFaults.TryGetValue(podTemplate.Pipeline, out var fault)
            ? throw fault
            : _inner.ScaleAsync(podTemplate, replicas, cancellationToken);
    }

    public Task<PodOperationResult> StopPodsAsync(string pipeline, IReadOnlyCollection<string> podIds, CancellationToken cancellationToken = default) =>
        _inner.StopPodsAsync(pipeline, podIds, cancellationToken);

    public Task<PodOperationResult> ReconcileAsync(PodTemplate podTemplate, CancellationToken cancellationToken = default) =>
        _inner.ReconcileAsync(podTemplate, cancellationToken);
}
