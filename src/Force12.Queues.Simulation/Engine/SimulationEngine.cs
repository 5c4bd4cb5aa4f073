using Force12.Queues.Core.Capacity;
using Force12.Queues.Simulation.Strategies;

namespace Force12.Queues.Simulation.Engine;

/// <summary>
/// Deterministic discrete-event simulation of one strategy over all pipelines of a run. Events (pod start
/// or stop finishing, strategy decisions, time-series samples, producer/consumer ticks) are taken from a
/// priority queue in time order; ties go in that order, then by scheduling order. Randomness comes only
/// from the seeded arrival generators, so equal inputs give equal results.
/// </summary>
internal sealed class SimulationEngine
{
    private enum EventKind
    {
        PodTransition = 0,
        Decision = 1,
        Sample = 2,
        Tick = 3,
    }

    private readonly IReadOnlyList<SimulatedPipeline> _pipelines;
    private readonly SimulationOptions _options;
    private readonly IScalingStrategy _strategy;
    private readonly PipelineRuntime[] _runtimes;
    private readonly PriorityQueue<(EventKind Kind, int Pipeline, long Index), (double Time, int Kind, long Seq)> _events = new();
    private readonly List<TimeSeriesPoint> _series = [];
    private readonly double[] _lastSampleLogEnd;
    private readonly int[] _peakPods;
    private long _seq;

    public SimulationEngine(IReadOnlyList<SimulatedPipeline> pipelines, SimulationOptions options, IScalingStrategy strategy)
    {
        _pipelines = pipelines;
        _options = options;
        _strategy = strategy;
        _runtimes = pipelines.Select((p, i) => new PipelineRuntime(p, i, options)).ToArray();
        _lastSampleLogEnd = new double[pipelines.Count];
        _peakPods = new int[pipelines.Count];
    }

    public (PolicyResult Result, IReadOnlyList<TimeSeriesPoint> Series) Run(double duration)
    {
        for (var i = 0; i < _runtimes.Length; i++)
        {
            _runtimes[i].Fleet.StartReady(_strategy.InitialPods(i, _pipelines[i]));
        }

        Schedule(0, EventKind.Tick, -1, 0);
        Schedule(0, EventKind.Sample, -1, 0);
        Schedule(_strategy.DecisionInterval.TotalSeconds, EventKind.Decision, -1, 1);
        var dt = _options.TickSeconds;
        var ticks = (long)Math.Round(duration / dt);
        while (_events.TryDequeue(out var e, out var at))
        {
            var now = at.Time;
            switch (e.Kind)
            {
                case EventKind.PodTransition:
                    _runtimes[e.Pipeline].Fleet.Advance(now);
                    break;
                case EventKind.Decision:
                    Decide(now);
                    Reschedule(e, (e.Index + 1) * _strategy.DecisionInterval.TotalSeconds, duration);
                    break;
                case EventKind.Sample:
                    Sample(now);
                    Reschedule(e, (e.Index + 1) * _options.SampleInterval.TotalSeconds, duration);
                    break;
                case EventKind.Tick:
                    foreach (var runtime in _runtimes)
                    {
                        runtime.Tick(now, dt);
                    }

                    if (e.Index + 1 < ticks)
                    {
                        Schedule((e.Index + 1) * dt, EventKind.Tick, -1, e.Index + 1);
                    }

                    break;
            }
        }

        return (Score(duration), _series);
    }

    private void Decide(double now)
    {
        var requests = new CapacityRequest[_runtimes.Length];
        for (var i = 0; i < _runtimes.Length; i++)
        {
            var runtime = _runtimes[i];
            var observation = runtime.Observe(now);
            var policy = runtime.Spec.Policy;
            requests[i] = new CapacityRequest
            {
                Pipeline = runtime.Spec.Name,
                Priority = runtime.Spec.Priority,
                IsRemainder = runtime.Spec.IsRemainder,
                MinPods = policy.MinPods,
                MaxPods = policy.MaxPods,
                NeededPods = _strategy.NeededPods(i, runtime.Spec, observation),
                RunningPods = observation.CurrentPods,
                StoppingPods = observation.StoppingPods,
            };
        }

        var pool = new CapacityPool { PodSlots = _options.PoolPodSlots ?? _pipelines.Sum(p => p.Policy.MaxPods) };
        var allocations = CapacityAllocator.Allocate(pool, requests);
        for (var i = 0; i < _runtimes.Length; i++)
        {
            var runtime = _runtimes[i];
            var allocation = allocations[i];
            runtime.Decisions++;
            runtime.DecisionsAtNeed += allocation.ShortOfNeed == 0 ? 1 : 0;
            if (allocation.PodsToStart + allocation.PodsToStop > 0)
            {
                runtime.ScaleActions++;
            }

            foreach (var time in runtime.Fleet.Apply(allocation.PodsToStart, allocation.PodsToStop, now))
            {
                Schedule(time, EventKind.PodTransition, i, 0);
            }
        }
    }

    private void Sample(double now)
    {
        var interval = _options.SampleInterval.TotalSeconds;
        for (var i = 0; i < _runtimes.Length; i++)
        {
            var runtime = _runtimes[i];
            var logEnd = runtime.LogEnd;
            var pods = runtime.Fleet.Count(PodState.Starting) + runtime.Fleet.Count(PodState.Ready);
            _peakPods[i] = Math.Max(_peakPods[i], pods);
            var rate = now > 0 ? (logEnd - _lastSampleLogEnd[i]) / interval : _pipelines[i].Trace.RateAt(0);
            _series.Add(new TimeSeriesPoint(_strategy.Name, runtime.Spec.Name, now, rate, runtime.Backlog, pods));
            _lastSampleLogEnd[i] = logEnd;
        }
    }

    private PolicyResult Score(double duration) => RunScoring.Score(_strategy.Name, _runtimes, _peakPods, duration);

    private void Reschedule((EventKind Kind, int Pipeline, long Index) e, double next, double duration)
    {
        if (next < duration - 1e-9)
        {
            Schedule(next, e.Kind, e.Pipeline, e.Index + 1);
        }
    }

    private void Schedule(double time, EventKind kind, int pipeline, long index) =>
        _events.Enqueue((kind, pipeline, index), (time, (int)kind, _seq++));
}
