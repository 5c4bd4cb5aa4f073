using Force12.Queues.Aws;
using Force12.Queues.Core.Pods;
using Force12.Queues.Ecs.Client;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Ecs;

/// <summary>
/// Scales Amazon ECS services: a pipeline is a service, a pod is one of its tasks (every container of the service's
/// task definition). The agent sets the service's desired count (UpdateService) and ECS starts, replaces and stops the
/// tasks; <see cref="ScaleAsync"/> returns once ECS accepted the count. On scale-in the tasks chosen by
/// <see cref="ScaleDownVictims"/> are left unprotected while every other task gets task scale-in protection for
/// <see cref="EcsOrchestratorOptions.ScaleInProtectionMinutes"/>, so ECS stops the chosen ones. The agent never writes
/// a count while an Application Auto Scaling target is registered on the service: that is an error of the pipeline.
/// </summary>
public sealed partial class EcsPodOrchestrator : IPodOrchestrator, IDisposable
{
    /// <summary>The kind name configuration uses: <c>ecs</c>.</summary>
    public const string KindName = "ecs";

    /// <summary>Where the pods of this kind are defined (see <see cref="IPodOrchestratorProvider.PodDefinedBy"/>).</summary>
    public const string PodDefinedBy = "the pod is the ECS service's task definition (all its containers)";

    private readonly EcsApiClient _client;
    private readonly IReadOnlyDictionary<string, EcsPipelineSettings> _targets;
    private readonly EcsOrchestratorOptions _options;
    private readonly ILogger _logger;
    private readonly HttpClient? _ownedHttp;
    private readonly PipelineLocks _locks = new();

    /// <summary>Creates the orchestrator for <paramref name="targets"/> (pipeline name to its service). Connects to nothing.</summary>
    public EcsPodOrchestrator(EcsOrchestratorOptions options, IReadOnlyDictionary<string, EcsPipelineSettings> targets, TimeProvider timeProvider, ILogger<EcsPodOrchestrator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Region, nameof(options));
        _ownedHttp = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _client = new EcsApiClient(new AwsJsonHttpTransport(_ownedHttp, options, timeProvider), options, timeProvider,
            AwsEndpoints.Resolve("ecs", options.Region, options.Endpoint),
            AwsEndpoints.Resolve("application-autoscaling", options.Region, options.AutoScalingEndpoint ?? options.Endpoint));
        _targets = targets ?? throw new ArgumentNullException(nameof(targets));
        _options = options;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(PodTemplate podTemplate)
    {
        ArgumentNullException.ThrowIfNull(podTemplate);
        return EnginePodValidator.Validate(
            podTemplate, KindName, PodDefinedBy, _targets.ContainsKey(podTemplate.Pipeline),
            $"pipelines.{podTemplate.Pipeline}.orchestrator: names no ECS cluster and service for this pipeline");
    }

    /// <summary>The service's tasks that ECS wants running, oldest first (tasks ECS already stops are not reported).</summary>
    public async Task<IReadOnlyList<PodInfo>> ListPodsAsync(string pipeline, CancellationToken cancellationToken = default)
    {
        var target = Target(pipeline);
        return await GuardAsync(pipeline, target, async () =>
        {
            await ActiveServiceAsync(target, cancellationToken).ConfigureAwait(false);
            return await PodsAsync(pipeline, target, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>ECS replaces failed tasks itself: reconciling only checks that the service is there and reports its running count.</summary>
    public async Task<PodOperationResult> ReconcileAsync(PodTemplate podTemplate, CancellationToken cancellationToken = default)
    {
        PodTemplateValidator.ThrowIfAny(podTemplate, Validate(podTemplate));
        var target = Target(podTemplate.Pipeline);
        var service = await GuardAsync(podTemplate.Pipeline, target, () => ActiveServiceAsync(target, cancellationToken)).ConfigureAwait(false);
        return new PodOperationResult { Running = service.RunningCount };
    }

    /// <summary>Disposes the HTTP client.</summary>
    public void Dispose()
    {
        _ownedHttp?.Dispose();
    }

    private EcsPipelineSettings Target(string pipeline) =>
        _targets.TryGetValue(pipeline, out var target)
            ? target
            : throw new EcsException($"pipeline {pipeline} has no ECS cluster and service configured (pipelines.{pipeline}.orchestrator)");

    private async Task<IReadOnlyList<PodInfo>> PodsAsync(string pipeline, EcsPipelineSettings target, CancellationToken cancellationToken)
    {
        var tasks = await _client.ServiceTasksAsync(target.Cluster, target.Service, cancellationToken).ConfigureAwait(false);
        return tasks.Select(t => EcsTaskPods.ToPod(t, pipeline))
            .Where(p => p.State != PodState.Exited)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<EcsServiceState> ActiveServiceAsync(EcsPipelineSettings target, CancellationToken cancellationToken)
    {
        var service = await _client.DescribeServiceAsync(target.Cluster, target.Service, cancellationToken).ConfigureAwait(false);
        return service.Status == "ACTIVE"
            ? service
            : throw new EcsException($"the service is {service.Status}, not ACTIVE", service.Status, retryable: false);
    }

    // Every failure becomes the pipeline's error for the tick, naming the service and cluster.
    private static async Task<T> GuardAsync<T>(string pipeline, EcsPipelineSettings target, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (EcsException e)
        {
            throw new EcsException($"ECS service '{target.Service}' in cluster '{target.Cluster}' (pipeline {pipeline}): {e.Message}", e.ErrorCode, e.IsRetryable, e);
        }
    }
}
