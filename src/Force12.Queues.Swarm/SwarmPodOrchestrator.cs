using Docker.DotNet;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Swarm;

/// <summary>
/// Scales Docker Swarm services (kind <c>swarm</c>): each pipeline targets an existing replicated service
/// (<see cref="SwarmPipelineSettings.Service"/>), and a pod is one of its tasks (one container; Swarm has no multi-container
/// pods). The service's spec is the pod: the agent only changes <c>Mode.Replicated.Replicas</c> (see
/// <see cref="SwarmReplicaWriter"/>), Swarm starts, replaces and removes the tasks, and chooses which ones it removes on a
/// scale-down, so safety rests on the consumers committing only after processing. Nothing is kept in the agent: a new
/// instance finds the same service and tasks. Other services are never read or written.
/// </summary>
public sealed class SwarmPodOrchestrator : IPodOrchestrator
{
    /// <summary>The kind configuration selects this orchestrator by: <c>swarm</c>.</summary>
    public const string KindName = "swarm";

    /// <summary>Why a pipeline of this kind has no <c>pod</c> section (<see cref="IPodOrchestratorProvider.PodDefinedBy"/>).</summary>
    public const string PodDefinedBy =
        "the pod is the Swarm service's task template (one container per task); Swarm has no multi-container pods, so define the container in the service (docker service create) and name it with orchestrator.service";

    private readonly IReadOnlyDictionary<string, string> _services;
    private readonly SwarmReplicaWriter _writer;
    private readonly SwarmConvergence _convergence;
    private readonly ILogger _logger;
    private readonly PipelineLocks _gates = new();

    /// <summary>
    /// Creates the orchestrator on <paramref name="client"/> (the caller owns and disposes it) for the pipelines in
    /// <paramref name="services"/> (pipeline name to Swarm service name or id).
    /// </summary>
    public SwarmPodOrchestrator(
        IDockerClient client, IReadOnlyDictionary<string, string> services, SwarmOrchestratorOptions options, TimeProvider timeProvider, ILogger<SwarmPodOrchestrator> logger)
        : this(new DockerSwarmServiceClient(client ?? throw new ArgumentNullException(nameof(client))), services, options, timeProvider, logger)
    {
    }

    /// <summary>Creates the orchestrator on the seam <paramref name="client"/> (tests wrap it).</summary>
    internal SwarmPodOrchestrator(
        ISwarmServiceClient client, IReadOnlyDictionary<string, string> services, SwarmOrchestratorOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(client);
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _writer = new SwarmReplicaWriter(client, timeProvider, logger);
        _convergence = new SwarmConvergence(_writer, options, timeProvider);
    }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(PodTemplate podTemplate)
    {
        ArgumentNullException.ThrowIfNull(podTemplate);
        return EnginePodValidator.Validate(
            podTemplate, KindName, PodDefinedBy, _services.ContainsKey(podTemplate.Pipeline),
            $"{ServicePath(podTemplate.Pipeline)}: is required by the swarm orchestrator: the replicated Swarm service the pipeline scales");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PodInfo>> ListPodsAsync(string pipeline, CancellationToken cancellationToken = default)
    {
        var service = ServiceOf(pipeline);
        var current = await _writer.InspectAsync(pipeline, service, cancellationToken).ConfigureAwait(false);
        return SwarmTaskPods.From(pipeline, service, await _writer.ListTasksAsync(pipeline, service, current.ID, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Sets the service's replica count to <paramref name="replicas"/> (no write when it already is), then waits, bounded
    /// by <see cref="SwarmOrchestratorOptions.ConvergenceTimeout"/>, for exactly that many running tasks. Started and
    /// stopped pods are the tasks that began or stopped running meanwhile; Swarm chose them. Past the timeout the result
    /// carries a failure saying how far Swarm got. A missing, global or unwritable service throws, naming the service.
    /// </summary>
    public async Task<PodOperationResult> ScaleAsync(PodTemplate podTemplate, int replicas, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(podTemplate);
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        PodTemplateValidator.ThrowIfAny(podTemplate, Validate(podTemplate));
        using var _ = await _gates.AcquireAsync(podTemplate.Pipeline, cancellationToken).ConfigureAwait(false);
        return await SetReplicasAsync(podTemplate.Pipeline, _ => replicas, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Swarm cannot remove chosen tasks: lowers the replica count by the number of <paramref name="podIds"/> that are tasks
    /// of the pipeline's service and not already stopping, and Swarm chooses which tasks stop (the result lists the ones it
    /// stopped, which may differ from the ids given). Unknown ids are ignored.
    /// </summary>
    public async Task<PodOperationResult> StopPodsAsync(string pipeline, IReadOnlyCollection<string> podIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(podIds);
        using var _ = await _gates.AcquireAsync(pipeline, cancellationToken).ConfigureAwait(false);
        var pods = await ListPodsAsync(pipeline, cancellationToken).ConfigureAwait(false);
        var stopping = pods.Count(p => p.State != PodState.Stopping && p.State != PodState.Exited && podIds.Contains(p.Id));
        return stopping == 0
            ? new PodOperationResult { Running = PodCounts.Of(pods).ContainersRunning }
            : await SetReplicasAsync(pipeline, before => Math.Max(0, before - stopping), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Swarm replaces failed tasks itself (the service's restart policy), so this only checks that the service is there
    /// and reports its running tasks; it never writes. Broken tasks still listed are Swarm's to replace.
    /// </summary>
    public async Task<PodOperationResult> ReconcileAsync(PodTemplate podTemplate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(podTemplate);
        PodTemplateValidator.ThrowIfAny(podTemplate, Validate(podTemplate));
        var pods = await ListPodsAsync(podTemplate.Pipeline, cancellationToken).ConfigureAwait(false);
        return new PodOperationResult { Running = PodCounts.Of(pods).ContainersRunning };
    }

    private async Task<PodOperationResult> SetReplicasAsync(string pipeline, Func<int, int> replicasFrom, CancellationToken cancellationToken)
    {
        var service = ServiceOf(pipeline);
        var before = await ListPodsAsync(pipeline, cancellationToken).ConfigureAwait(false);
        var (serviceId, replicas) = await _writer.SetReplicasAsync(pipeline, service, replicasFrom, cancellationToken).ConfigureAwait(false);
        var (after, problem) = await _convergence.AwaitAsync(pipeline, service, serviceId, replicas, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            SwarmLog.NotConverged(_logger, pipeline, problem);
        }

        var wasRunning = before.Where(p => p.State == PodState.Ready).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var running = after.Where(p => p.State == PodState.Ready).ToList();
        var stillRunning = running.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return new PodOperationResult
        {
            Started = running.Where(p => !wasRunning.Contains(p.Id)).ToList(),
            Stopped = wasRunning.Where(id => !stillRunning.Contains(id)).Order(StringComparer.Ordinal).ToList(),
            Failures = problem is null ? [] : [problem],
            Running = running.Count,
        };
    }

    private string ServiceOf(string pipeline) =>
        _services.TryGetValue(pipeline, out var service)
            ? service
            : throw new InvalidOperationException($"{ServicePath(pipeline)}: is required by the swarm orchestrator: pipeline '{pipeline}' names no Swarm service");

    private static string ServicePath(string pipeline) => $"{AgentKeys.Pipelines}.{pipeline}.{PipelineKeys.Orchestrator}.{SwarmOrchestratorKeys.Service}";
}
