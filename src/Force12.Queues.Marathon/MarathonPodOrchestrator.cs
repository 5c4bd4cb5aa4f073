using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Marathon;

/// <summary>
/// Runs pipelines as Marathon apps: each task (app instance) is one pod. Scaling sets the app's <c>instances</c>
/// (<c>PUT /v2/apps/{app_id}</c>, nothing else of the app changes) and Marathon starts, replaces and kills tasks;
/// <see cref="StopPodsAsync"/> chooses the victims (<c>POST /v2/tasks/delete?scale=true</c>). A write refused while a
/// deployment locks the app (HTTP 409) is retried with a doubling backoff, never forced (<c>?force=true</c> would
/// cancel an operator's rollout half-way), then listed as a failure for the next tick. A missing app or refused
/// credentials are an exception naming the app and the URL.
/// </summary>
public sealed partial class MarathonPodOrchestrator : IPodOrchestrator
{
    /// <summary>The kind configuration selects: <c>marathon</c>.</summary>
    public const string KindName = "marathon";

    private readonly MarathonApiClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal MarathonPodOrchestrator(
        MarathonApiClient client, MarathonOrchestratorOptions options, IReadOnlyDictionary<string, MarathonPipelineSettings> pipelines, TimeProvider time, ILogger logger)
    {
        _client = client;
        Options = options;
        Pipelines = pipelines;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <summary>The agent-wide settings this orchestrator uses.</summary>
    public MarathonOrchestratorOptions Options { get; }

    /// <summary>Each pipeline's app.</summary>
    public IReadOnlyDictionary<string, MarathonPipelineSettings> Pipelines { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(PodTemplate podTemplate)
    {
        ArgumentNullException.ThrowIfNull(podTemplate);
        return EnginePodValidator.Validate(
            podTemplate, KindName, MarathonOrchestratorProvider.PodDefinition, Pipelines.ContainsKey(podTemplate.Pipeline),
            $"pipelines.{podTemplate.Pipeline}.orchestrator.{MarathonOrchestratorKeys.App}: is required: the Marathon app whose instances are the pods");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PodInfo>> ListPodsAsync(string pipeline, CancellationToken cancellationToken = default)
    {
        var app = AppOf(pipeline);
        var definition = _client.GetAppAsync(app, cancellationToken);
        var tasks = _client.ListTasksAsync(app, cancellationToken);
        await Task.WhenAll(definition, tasks).ConfigureAwait(false);
        var healthChecks = (await definition.ConfigureAwait(false)).HealthChecks?.Count ?? 0;
        var seen = _time.GetUtcNow();
        return (await tasks.ConfigureAwait(false))
            .Select(t => MarathonTaskStates.ToPod(t, healthChecks, pipeline, seen))
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
        var app = AppOf(podTemplate.Pipeline);
        var current = await _client.GetAppAsync(app, cancellationToken).ConfigureAwait(false);
        if (current.Instances == replicas)
        {
            return new PodOperationResult { Running = current.TasksRunning };
        }

        MarathonLog.Scaling(_logger, podTemplate.Pipeline, app, current.Instances, replicas, Options.Url);
        var failure = await WhileLockedAsync(podTemplate.Pipeline, app, $"instances {replicas}",
            () => _client.SetInstancesAsync(app, replicas, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new PodOperationResult { Running = current.TasksRunning, Failures = failure is null ? [] : [failure] };
    }

    /// <summary>
    /// Kills the chosen tasks of the pipeline's app and lowers its instances by as many in one call
    /// (<c>POST /v2/tasks/delete?scale=true</c>): Marathon lets the caller choose the victims. Ids that are not
    /// tasks of the app are ignored (never sent), so no other app is touched. Marathon sends SIGTERM and waits the
    /// app's own <c>taskKillGracePeriodSeconds</c>.
    /// </summary>
    public async Task<PodOperationResult> StopPodsAsync(string pipeline, IReadOnlyCollection<string> podIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(podIds);
        var app = AppOf(pipeline);
        var tasks = await _client.ListTasksAsync(app, cancellationToken).ConfigureAwait(false);
        var chosen = tasks.Select(t => t.Id).Where(podIds.Contains).ToList();
        if (chosen.Count == 0)
        {
            return PodOperationResult.None;
        }

        MarathonLog.KillingChosen(_logger, pipeline, app, chosen.Count);
        var failure = await WhileLockedAsync(pipeline, app, $"killing {chosen.Count} task(s)",
            () => _client.KillAndScaleAsync(app, chosen, cancellationToken), cancellationToken).ConfigureAwait(false);
        return failure is null ? new PodOperationResult { Stopped = chosen } : new PodOperationResult { Failures = [failure] };
    }

    /// <summary>Marathon replaces failed tasks itself: checks the app and reports its running count.</summary>
    public async Task<PodOperationResult> ReconcileAsync(PodTemplate podTemplate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(podTemplate);
        var current = await _client.GetAppAsync(AppOf(podTemplate.Pipeline), cancellationToken).ConfigureAwait(false);
        return new PodOperationResult { Running = current.TasksRunning };
    }

    private string AppOf(string pipeline) =>
        Pipelines.TryGetValue(pipeline, out var target)
            ? target.App
            : throw new InvalidOperationException($"pipeline '{pipeline}' has no marathon target: set pipelines.{pipeline}.orchestrator.{MarathonOrchestratorKeys.App}");
}
