using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Tests.Configuration;

/// <summary>An orchestrator (kind "fake" unless named) that validates templates with the shared rules and runs nothing.</summary>
internal sealed class FakeOrchestrator(string kind = "fake") : IPodOrchestrator
{
    public string Kind { get; } = kind;

    public IReadOnlyList<string> Validate(PodTemplate podTemplate) => PodTemplateValidator.Validate(podTemplate);

    public Task<IReadOnlyList<PodInfo>> ListPodsAsync(string pipeline, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<PodOperationResult> ScaleAsync(PodTemplate podTemplate, int replicas, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<PodOperationResult> StopPodsAsync(string pipeline, IReadOnlyCollection<string> podIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<PodOperationResult> ReconcileAsync(PodTemplate podTemplate, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
