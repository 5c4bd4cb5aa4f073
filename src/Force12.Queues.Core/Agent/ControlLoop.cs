using System.Collections.Concurrent;
using Force12.Queues.Core.Capacity;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Leadership;
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
/// <remarks>
/// A plugin cannot stop the loop: a collector that throws fails its pipeline's collection for the tick (the policy holds
/// its pods, and falls back after the configured failed polls); an orchestrator whose pod listing throws leaves its
/// pipeline's pods as they are for the tick (decided from the last listing, nothing started or stopped); a scale call
/// that throws is retried on the next tick. Each streak of failures is logged when it starts and when it ends.
/// </remarks>
public sealed class ControlLoop
{
    private readonly AgentConfiguration _configuration;
    private readonly IReadOnlyDictionary<string, ILagCollector> _collectors;
    private readonly IReadOnlyDictionary<string, IPodOrchestrator> _orchestrators;
    private readonly AgentStatusBoard _board;
    private readonly IControlLoopObserver _observer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ILeadership _leadership;
    private readonly Dictionary<string, PipelineState> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<PodInfo>> _lastPods = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Pipeline, Exception? Exception)> _scaleOutcomes = new();
    private readonly OrchestratorFaults _orchestratorFaults;
    private readonly StragglerCalls _stragglers;
    private readonly PipelineForecasts _forecasts;
    private long _tick;

    /// <summary>
    /// Creates the loop. <paramref name="collectors"/> is keyed by pipeline name, <paramref name="orchestrators"/> by kind;
    /// <paramref name="leadership"/> (default <see cref="AlwaysLeader"/>) is asked before every orchestrator call, and a
    /// loop that is not the leader decides and publishes but never acts.
    /// </summary>
    public ControlLoop(AgentConfiguration configuration, IReadOnlyDictionary<string, ILagCollector> collectors,
        IReadOnlyDictionary<string, IPodOrchestrator> orchestrators, AgentStatusBoard board, IControlLoopObserver observer,
        TimeProvider time, ILogger<ControlLoop> logger, ILeadership? leadership = null)
    {
        _leadership = leadership ?? AlwaysLeader.Instance;
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        _collectors = collectors;
        _orchestrators = orchestrators;
        _board = board;
        _observer = observer;
        _time = time;
        _logger = logger;
        _orchestratorFaults = new OrchestratorFaults(logger);
        _stragglers = new StragglerCalls(time);
        _forecasts = new PipelineForecasts(configuration.Pipelines);
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
        while (_scaleOutcomes.TryDequeue(out var outcome))
        {
            _orchestratorFaults.Record(outcome.Pipeline, OrchestratorFaults.Scaling, outcome.Exception);
        }

        var collections = await Task.WhenAll(pipelines.Select(p =>
            PluginCalls.CollectAsync(_collectors[p.Name], p.Name, _configuration.CollectTimeout, _time, _stragglers, cancellationToken))).ConfigureAwait(false);
        var listings = await Task.WhenAll(pipelines.Select(p =>
            PluginCalls.ListPodsAsync(_orchestrators[p.OrchestratorKind], p.Name, PluginCalls.ListingTimeout(_configuration.CollectTimeout), _time, _stragglers, cancellationToken))).ConfigureAwait(false);
        var at = _time.GetUtcNow();

        var steps = new DecisionStepResult[pipelines.Count];
        var requests = new CapacityRequest[pipelines.Count];
        for (var i = 0; i < pipelines.Count; i++)
        {
            var pipeline = pipelines[i];
            var previous = _states[pipeline.Name];
            var pods = PodsOf(pipeline.Name, listings[i]);
            steps[i] = Decide(pipeline, ref collections[i], pods, previous, tick, at);
            _states[pipeline.Name] = steps[i].State;
            CollectionStreaks.Report(_logger, _observer, pipeline, collections[i], previous);
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
        var warmAllowed = WarmPodAllowance.Of(_configuration.Capacity, requests, allocations,
            pipelines.Select(p => p.Pod.WarmPods).ToList(), pipelines.Select(p => p.Pod.WarmCountsAgainstCapacity).ToList());
        var statuses = new PipelineStatus[pipelines.Count];
        for (var i = 0; i < pipelines.Count; i++)
        {
            var listed = listings[i].Pods is not null;
            Apply(pipelines[i], requests[i], allocations[i], steps[i], listed, warmAllowed[i]);
            statuses[i] = LoopStatus.Of(pipelines[i], collections[i].Result, steps[i], allocations[i], listed, _orchestratorFaults.ErrorOf(pipelines[i].Name))
                with { Forecast = _forecasts.StatusOf(pipelines[i].Name, steps[i].Decision) };
        }

        var status = new AgentStatus
        {
            Tick = tick,
            At = at,
            CapacitySlots = _configuration.Capacity.PodSlots,
            Leadership = _leadership.Current,
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

    /// <summary>
    /// Runs the decision step. A step that throws on a collector's successful answer (a plugin that returned a snapshot
    /// the policy cannot use) fails that pipeline's collection for the tick instead, with the exception, and the step runs
    /// again on the failure so the usual hold and fallback rules apply; other pipelines and the loop go on.
    /// </summary>
    private DecisionStepResult Decide(
        PipelineConfiguration pipeline, ref (LagCollectionResult Result, Exception? Exception) collection, IReadOnlyList<PodInfo> pods,
        PipelineState previous, long tick, DateTimeOffset at)
    {
        var forecast = _forecasts.Next(pipeline.Name, collection.Result, pods, at);
        try
        {
            return DecisionStep.Run(pipeline.Policy, pipeline.ConsumersPerPod, collection.Result, pods, previous, tick, at, forecast);
        }
        catch (Exception e) when (collection.Result.Succeeded)
        {
            var failure = _collectors[pipeline.Name].Failure(LagErrorKind.Other, $"the collector's answer could not be used: {PluginCalls.Describe(e)}");
            collection = (LagCollectionResult.Failure(failure), e);
            return DecisionStep.Run(pipeline.Policy, pipeline.ConsumersPerPod, collection.Result, pods, previous, tick, at, forecast);
        }
    }

    /// <summary>This tick's pods, or the last listed ones when the listing failed (none before the first success).</summary>
    private IReadOnlyList<PodInfo> PodsOf(string pipeline, (IReadOnlyList<PodInfo>? Pods, Exception? Exception) listing)
    {
        _orchestratorFaults.Record(pipeline, OrchestratorFaults.Listing, listing.Exception);
        if (listing.Pods is { } pods)
        {
            _lastPods[pipeline] = pods;
            return pods;
        }

        return _lastPods.GetValueOrDefault(pipeline) ?? [];
    }

    private void Apply(PipelineConfiguration pipeline, CapacityRequest request, PipelineAllocation allocation, DecisionStepResult step, bool listed, int warmAllowed)
    {
        if (_inFlight.TryGetValue(pipeline.Name, out var previous))
        {
            if (!previous.IsCompleted)
            {
                return;
            }

            _inFlight.Remove(pipeline.Name);
        }

        if (!listed || !_leadership.Current.IsLeader)
        {
            return; // Pods unknown this tick (hold them rather than act on a stale count), or another agent leads: only decide.
        }

        // Starts are limited to capacity free now; stops go down to the target.
        var desired = allocation.PodsToStop > 0 ? allocation.TargetPods : request.RunningPods + allocation.PodsToStart;
        // A warm pool off its size also calls the orchestrator: it starts the background refill or stops surplus warm pods.
        var upkeep = step.Pods.Exited > 0 || step.Pods.Warm != warmAllowed;
        if (desired == request.RunningPods && !upkeep)
        {
            return;
        }

        if (desired != request.RunningPods)
        {
            ControlLoopLog.Scaling(_logger, pipeline.Name, request.RunningPods, desired, step.Decision.Reason, step.Decision.Explanation);
        }

        var template = warmAllowed == pipeline.Pod.WarmPods ? pipeline.Pod : pipeline.Pod with { WarmPods = warmAllowed };
        _inFlight[pipeline.Name] = ScaleAsync(pipeline, template, desired);
    }

    private async Task ScaleAsync(PipelineConfiguration pipeline, PodTemplate template, int replicas)
    {
        var (result, exception) = await PluginCalls.ScaleAsync(_orchestrators[pipeline.OrchestratorKind], template, replicas).ConfigureAwait(false);
        _scaleOutcomes.Enqueue((pipeline.Name, exception));
        if (result is null)
        {
            return;
        }

        foreach (var failure in result.Failures)
        {
            ControlLoopLog.OrchestratorFailure(_logger, pipeline.Name, failure);
        }

        _observer.PodsChanged(pipeline.Name, result);
    }
}
