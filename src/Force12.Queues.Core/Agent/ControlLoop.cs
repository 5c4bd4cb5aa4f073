using Force12.Queues.Core.Capacity;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Core.Agent;

/// <summary>
/// The agent's only stateful piece. Each tick it collects every pipeline concurrently (each with its own
/// timeout, so one slow source never stalls the others), lists their pods, decides with the pure
/// <see cref="DecisionStep"/> (the same step the simulator runs), shares the pool with <see cref="CapacityAllocator"/>, starts orchestrator
/// calls without waiting for them (one in flight per pipeline; stopping pods keep their capacity until gone),
/// and publishes the result to the <see cref="AgentStatusBoard"/>.
/// </summary>
public sealed class ControlLoop
{
    private readonly AgentConfiguration _configuration;
    private readonly IReadOnlyDictionary<string, ILagCollector> _collectors;
    private readonly IReadOnlyDictionary<string, IPodOrchestrator> _orchestrators;
    private readonly AgentStatusBoard _board;
    private readonly IControlLoopObserver _observer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, PipelineState> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _inFlight = new(StringComparer.Ordinal);
    private long _tick;

    /// <summary>Creates the loop. <paramref name="collectors"/> is keyed by pipeline name, <paramref name="orchestrators"/> by kind.</summary>
    public ControlLoop(AgentConfiguration configuration, IReadOnlyDictionary<string, ILagCollector> collectors,
        IReadOnlyDictionary<string, IPodOrchestrator> orchestrators, AgentStatusBoard board, IControlLoopObserver observer,
        TimeProvider time, ILogger<ControlLoop> logger)
    {
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        _collectors = collectors;
        _orchestrators = orchestrators;
        _board = board;
        _observer = observer;
        _time = time;
        _logger = logger;
        foreach (var pipeline in configuration.Pipelines)
        {
            _states[pipeline.Name] = PipelineState.Initial;
            if (!collectors.ContainsKey(pipeline.Name) || !orchestrators.ContainsKey(pipeline.OrchestratorKind))
            {
                throw new ArgumentException($"Pipeline '{pipeline.Name}' has no collector or no '{pipeline.OrchestratorKind}' orchestrator.", nameof(collectors));
            }
        }
    }

    /// <summary>Ticks every poll interval until cancelled; then waits for orchestrator calls in flight and returns. Pods are left running.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_configuration.PollInterval, _time);
        try
        {
            do
            {
                await TickAsync(cancellationToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ControlLoopLog.Stopping(_logger, _inFlight.Count);
            await Task.WhenAll(_inFlight.Values).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one tick and returns the status it published.</summary>
    public async Task<AgentStatus> TickAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var tick = ++_tick;
        var pipelines = _configuration.Pipelines;
        var collections = await Task.WhenAll(pipelines.Select(p => CollectAsync(p, cancellationToken))).ConfigureAwait(false);
        var pods = await Task.WhenAll(pipelines.Select(p => ListPodsAsync(p, cancellationToken))).ConfigureAwait(false);
        var at = _time.GetUtcNow();

        var steps = new DecisionStepResult[pipelines.Count];
        var requests = new CapacityRequest[pipelines.Count];
        for (var i = 0; i < pipelines.Count; i++)
        {
            var pipeline = pipelines[i];
            steps[i] = DecisionStep.Run(pipeline.Policy, pipeline.ConsumersPerPod, collections[i], pods[i], _states[pipeline.Name], tick, at);
            _states[pipeline.Name] = steps[i].State;
            ReportFailure(pipeline.Name, collections[i], steps[i].State);
            requests[i] = new CapacityRequest
            {
                Pipeline = pipeline.Name,
                Priority = pipeline.Priority,
                IsRemainder = pipeline.IsRemainder,
                MinPods = pipeline.Policy.MinPods,
                MaxPods = pipeline.Policy.MaxPods,
                NeededPods = steps[i].Decision.NeededPods,
                RunningPods = steps[i].Pods.Current,
                StoppingPods = steps[i].Pods.Stopping,
            };
        }

        var allocations = CapacityAllocator.Allocate(_configuration.Capacity, requests);
        var statuses = new PipelineStatus[pipelines.Count];
        for (var i = 0; i < pipelines.Count; i++)
        {
            Apply(pipelines[i], requests[i], allocations[i], steps[i]);
            statuses[i] = StatusOf(pipelines[i], collections[i], steps[i], allocations[i]);
        }

        var status = new AgentStatus
        {
            Tick = tick,
            At = at,
            CapacitySlots = _configuration.Capacity.PodSlots,
            Pipelines = statuses.OrderBy(s => s.Priority).ThenBy(s => s.Name, StringComparer.Ordinal).ToArray(),
        };
        _board.Publish(status);
        var duration = _time.GetElapsedTime(started);
        _observer.TickCompleted(status, duration);
        ControlLoopLog.TickDone(_logger, tick, duration.TotalMilliseconds);
        return status;
    }

    /// <summary>Waits for every orchestrator call still in flight (tests and shutdown).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_inFlight.Values);

    private void ReportFailure(string pipeline, LagCollectionResult collection, PipelineState state)
    {
        if (!collection.Succeeded)
        {
            ControlLoopLog.CollectionFailed(_logger, pipeline, state.ConsecutiveFailedPolls, collection.Error.ToString());
            _observer.CollectionFailed(pipeline, collection.Error);
        }
    }

    private async Task<LagCollectionResult> CollectAsync(PipelineConfiguration pipeline, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_configuration.CollectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await _collectors[pipeline.Name].CollectAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return LagCollectionResult.Failure(_collectors[pipeline.Name].Failure(
                LagErrorKind.Unreachable, $"no answer within the collect timeout ({_configuration.CollectTimeout.TotalSeconds:0.###} s)"));
        }
    }

    private async Task<IReadOnlyList<PodInfo>> ListPodsAsync(PipelineConfiguration pipeline, CancellationToken cancellationToken)
    {
        try
        {
            return await _orchestrators[pipeline.OrchestratorKind].ListPodsAsync(pipeline.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ControlLoopLog.OrchestratorException(_logger, pipeline.Name, e);
            return [];
        }
    }

    private void Apply(PipelineConfiguration pipeline, CapacityRequest request, PipelineAllocation allocation, DecisionStepResult step)
    {
        if (_inFlight.TryGetValue(pipeline.Name, out var previous))
        {
            if (!previous.IsCompleted)
            {
                return;
            }

            _inFlight.Remove(pipeline.Name);
        }

        // Starts are limited to capacity free now; stops go down to the target.
        var desired = allocation.PodsToStop > 0 ? allocation.TargetPods : request.RunningPods + allocation.PodsToStart;
        var broken = step.Pods.Exited > 0;
        if (desired == request.RunningPods && !broken)
        {
            return;
        }

        if (desired != request.RunningPods)
        {
            ControlLoopLog.Scaling(_logger, pipeline.Name, request.RunningPods, desired, step.Decision.Reason, step.Decision.Explanation);
        }

        _inFlight[pipeline.Name] = ScaleAsync(pipeline, desired);
    }

    private async Task ScaleAsync(PipelineConfiguration pipeline, int replicas)
    {
        // Not tied to the tick's token: a scale operation, once begun, finishes (a half-done stop would strand pods).
        try
        {
            var result = await _orchestrators[pipeline.OrchestratorKind].ScaleAsync(pipeline.Pod, replicas, CancellationToken.None).ConfigureAwait(false);
            foreach (var failure in result.Failures)
            {
                ControlLoopLog.OrchestratorFailure(_logger, pipeline.Name, failure);
            }

            _observer.PodsChanged(pipeline.Name, result);
        }
        catch (Exception e)
        {
            ControlLoopLog.OrchestratorException(_logger, pipeline.Name, e);
        }
    }

    private static PipelineStatus StatusOf(PipelineConfiguration pipeline, LagCollectionResult collection, DecisionStepResult step, PipelineAllocation allocation)
    {
        var decision = step.Decision;
        var totals = collection.Snapshot?.Totals;
        var reason = allocation.ShortOfNeed > 0
            ? $"{decision.Explanation}; capacity short by {allocation.ShortOfNeed} pods"
            : decision.Explanation;
        return new PipelineStatus
        {
            Name = pipeline.Name,
            SourceKind = pipeline.Source.Kind,
            Priority = pipeline.IsRemainder ? int.MaxValue : pipeline.Priority,
            SlaSeconds = pipeline.Policy.Sla.TotalSeconds,
            BacklogMessages = totals?.Lag,
            BacklogSeconds = totals?.MaxLagSeconds,
            ArrivalRate = totals?.ArrivalRate,
            ProcessingRate = totals?.ProcessingRate,
            NeededPods = decision.NeededPods,
            TargetPods = allocation.TargetPods,
            RunningPods = step.Pods.ContainersRunning,
            ReadyPods = step.Pods.Ready,
            ReasonCode = decision.Reason.ToString(),
            Reason = reason,
            CapacityUsed = step.Pods.CapacityUsed,
            LastSuccessfulCollectTick = step.State.LastSuccessfulCollectTick,
            CollectorError = collection.Error?.ToString(),
            Units = collection.Snapshot?.Units,
        };
    }
}
