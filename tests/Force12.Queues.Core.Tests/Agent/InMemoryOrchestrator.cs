using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Tests.Agent;

/// <summary>Pods as entries in a list: every pod is ready at once. Records each scale request.</summary>
internal sealed class InMemoryOrchestrator(TimeProvider time) : IPodOrchestrator
{
    private readonly List<PodInfo> _pods = [];
    private int _next;

    public string Kind => "memory";

    public List<(string Pipeline, int Replicas)> ScaleRequests { get; } = [];

    public IReadOnlyList<string> Validate(PodTemplate podTemplate) => PodTemplateValidator.Validate(podTemplate);

    public Task<IReadOnlyList<PodInfo>> ListPodsAsync(string pipeline, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PodInfo>>(_pods.Where(p => p.Pipeline == pipeline).ToArray());

    public Task<PodOperationResult> ScaleAsync(PodTemplate podTemplate, int replicas, CancellationToken cancellationToken = default)
    {
        ScaleRequests.Add((podTemplate.Pipeline, replicas));
        var mine = _pods.Where(p => p.Pipeline == podTemplate.Pipeline).ToList();
        var started = new List<PodInfo>();
        for (var i = mine.Count; i < replicas; i++)
        {
            var now = time.GetUtcNow();
            var pod = new PodInfo { Id = $"{podTemplate.Pipeline}-{++_next}", Pipeline = podTemplate.Pipeline, State = PodState.Ready, CreatedAt = now, StartedAt = now, ReadyAt = now };
            _pods.Add(pod);
            started.Add(pod);
        }

        var stopped = mine.Skip(replicas).Select(p => p.Id).ToArray();
        _pods.RemoveAll(p => stopped.Contains(p.Id));
        return Task.FromResult(new PodOperationResult { Started = started, Stopped = stopped, Running = replicas });
    }

    public Task<PodOperationResult> StopPodsAsync(string pipeline, IReadOnlyCollection<string> podIds, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<PodOperationResult> ReconcileAsync(PodTemplate podTemplate, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
