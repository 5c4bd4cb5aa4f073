using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Nomad;

/// <summary>
/// Runs pipelines as Nomad task groups: the task group is the pod and each allocation of it one pod. Scaling sets the
/// group's count (<c>POST /v1/job/:job_id/scale</c>) and Nomad places, replaces and removes allocations itself: it
/// also chooses which allocations a scale-down stops, so safety rests on consumers committing after processing.
/// A scale refused during an active deployment (HTTP 400) is retried with a doubling backoff, then listed as a failure
/// for the next tick. A missing job or group, or a token without the rights, is an exception naming the target.
/// </summary>
public sealed partial class NomadPodOrchestrator : IPodOrchestrator
{
    /// <summary>The kind configuration selects: <c>nomad</c>.</summary>
    public const string KindName = "nomad";

    private readonly NomadApiClient _client;
    private readonly IReadOnlyDictionary<string, NomadPipelineSettings> _pipelines;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal NomadPodOrchestrator(
        NomadApiClient client, NomadOrchestratorOptions options, IReadOnlyDictionary<string, NomadPipelineSettings> pipelines, TimeProvider time, ILogger logger)
    {
        _client = client;
        Options = options;
        _pipelines = pipelines;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <summary>The agent-wide settings this orchestrator uses.</summary>
    public NomadOrchestratorOptions Options { get; }

    /// <summary>Each pipeline's job and task group.</summary>
    public IReadOnlyDictionary<string, NomadPipelineSettings> Pipelines => _pipelines;

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(PodTemplate podTemplate)
    {
        ArgumentNullException.ThrowIfNull(podTemplate);
        return EnginePodValidator.Validate(
            podTemplate, KindName, NomadOrchestratorProvider.PodDefinition, _pipelines.ContainsKey(podTemplate.Pipeline),
            $"pipelines.{podTemplate.Pipeline}.orchestrator.{NomadOrchestratorKeys.Job}: is required: the Nomad job whose task group is the pod");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PodInfo>> ListPodsAsync(string pipeline, CancellationToken cancellationToken = default)
    {
        var target = TargetOf(pipeline);
        // Nomad lists no allocations (200, []) for a job it does not know: the scale status says whether job and group exist.
        var group = ReadGroupAsync(target, cancellationToken);
        var allocations = _client.ListAllocationsAsync(target.Job, cancellationToken);
        await Task.WhenAll(group, allocations).ConfigureAwait(false);
        return (await allocations.ConfigureAwait(false))
            .Where(a => a.TaskGroup == target.Group)
            .Select(a => NomadAllocationStates.ToPod(a, pipeline))
            .OfType<PodInfo>()
            .OrderBy(p => p.CreatedAt)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<PodOperationResult> ScaleAsync(PodTemplate podTemplate, int replicas, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(podTemplate);
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        PodTemplateValidator.ThrowIfAny(podTemplate, Validate(podTemplate));
        var target = TargetOf(podTemplate.Pipeline);
        var group = await ReadGroupAsync(target, cancellationToken).ConfigureAwait(false);
        if (group.Desired == replicas)
        {
            return new PodOperationResult { Running = group.Running };
        }

        NomadLog.Scaling(_logger, podTemplate.Pipeline, target.Target, group.Desired, replicas, Options.Address);
        var failure = await ScaleWhileDeployingAsync(podTemplate.Pipeline, target, replicas, cancellationToken).ConfigureAwait(false);
        return new PodOperationResult { Running = group.Running, Failures = failure is null ? [] : [failure] };
    }

    /// <summary>
    /// Not supported: Nomad chooses the allocations a scale-down stops, and an allocation stopped on its own
    /// (<c>/v1/allocation/:id/stop</c>) is rescheduled. Lists a failure and stops nothing; lower the count instead.
    /// </summary>
    public Task<PodOperationResult> StopPodsAsync(string pipeline, IReadOnlyCollection<string> podIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(podIds);
        var target = TargetOf(pipeline);
        return Task.FromResult(podIds.Count == 0
            ? PodOperationResult.None
            : new PodOperationResult { Failures = [$"{target.Target}: Nomad chooses the allocations a scale-down stops; chosen allocations cannot be stopped without Nomad replacing them"] });
    }

    /// <summary>Nomad replaces failed allocations itself (its reschedule policy): checks the target and reports the running count.</summary>
    public async Task<PodOperationResult> ReconcileAsync(PodTemplate podTemplate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(podTemplate);
        var group = await ReadGroupAsync(TargetOf(podTemplate.Pipeline), cancellationToken).ConfigureAwait(false);
        return new PodOperationResult { Running = group.Running };
    }

    private async Task<NomadTaskGroupScaleStatus> ReadGroupAsync(NomadPipelineSettings target, CancellationToken cancellationToken)
    {
        var status = await _client.GetScaleStatusAsync(target.Job, cancellationToken).ConfigureAwait(false);
        if (status.TaskGroups is null || !status.TaskGroups.TryGetValue(target.Group, out var group))
        {
            var groups = status.TaskGroups is null ? "none" : string.Join(", ", status.TaskGroups.Keys.Order(StringComparer.Ordinal));
            throw new InvalidOperationException($"Nomad at {Options.Address}: job '{target.Job}' in namespace '{Options.Namespace}' has no task group '{target.Group}' (groups: {groups})");
        }

        return group;
    }

    private NomadPipelineSettings TargetOf(string pipeline) =>
        _pipelines.TryGetValue(pipeline, out var target)
            ? target
            : throw new InvalidOperationException($"pipeline '{pipeline}' has no nomad target: set pipelines.{pipeline}.orchestrator.{NomadOrchestratorKeys.Job} and {NomadOrchestratorKeys.Group}");
}
