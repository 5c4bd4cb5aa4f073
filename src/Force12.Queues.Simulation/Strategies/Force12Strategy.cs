using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Forecasting;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Simulation.Strategies;

/// <summary>
/// Force12's own policy, exactly as the agent runs it: each poll the observation becomes what a lag collector
/// and an orchestrator would report (<see cref="ObservedCollection"/>), and the agent's <see cref="DecisionStep"/>
/// decides from it and carries the state to the next poll, as <see cref="ControlLoop"/> does. With
/// <c>forecast</c> settings, each pipeline also has a <see cref="PipelineForecaster"/> fed with the observed
/// arrival rate, and its rate at now + lead goes into the step (strategy <c>force12-forecast</c>).
/// </summary>
public sealed class Force12Strategy : IScalingStrategy
{
    /// <summary>Time of the run's second 0: a Monday at midnight UTC, so traces' weekdays and the forecast's agree.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private readonly PipelineState[] _states;
    private readonly long[] _ticks;
    private readonly ScalingDecision?[] _lastDecisions;
    private readonly ForecastOptions? _forecast;
    private readonly PipelineForecaster[] _forecasters;
    private readonly List<ForecastPoint>[] _forecastPoints;
    private readonly TimeSpan _lead;

    /// <summary>
    /// Force12 for <paramref name="pipelines"/> pipelines polled every <paramref name="pollInterval"/>; with
    /// <paramref name="forecast"/> (mode shadow or on) it forecasts, with the lead for a measured pod start of <paramref name="podStart"/>.
    /// </summary>
    public Force12Strategy(int pipelines, TimeSpan pollInterval, ForecastOptions? forecast = null, TimeSpan? podStart = null)
    {
        DecisionInterval = pollInterval;
        _states = Enumerable.Repeat(PipelineState.Initial, pipelines).ToArray();
        _ticks = new long[pipelines];
        _lastDecisions = new ScalingDecision?[pipelines];
        _forecast = forecast is { Mode: not ForecastMode.Off } ? forecast : null;
        _forecasters = _forecast is null ? [] : Enumerable.Range(0, pipelines).Select(_ => new PipelineForecaster(_forecast)).ToArray();
        _forecastPoints = Enumerable.Range(0, _forecasters.Length).Select(_ => new List<ForecastPoint>()).ToArray();
        _lead = _forecast?.LeadFor(podStart) ?? TimeSpan.Zero;
    }

    /// <inheritdoc />
    public string Name => _forecast is null ? "force12" : "force12-forecast";

    /// <inheritdoc />
    public TimeSpan DecisionInterval { get; }

    /// <summary>The last decision per pipeline (reason and sentence included), for inspection.</summary>
    public IReadOnlyList<ScalingDecision?> LastDecisions => _lastDecisions;

    /// <summary>Per pipeline, every finished forecast bucket beside its actual rate (empty without forecasts).</summary>
    public IReadOnlyList<IReadOnlyList<ForecastPoint>> ForecastPoints => _forecastPoints;

    /// <inheritdoc />
    public int InitialPods(int pipeline, SimulatedPipeline spec) => StrategyMath.SteadyStartPods(spec);

    /// <inheritdoc />
    public int NeededPods(int pipeline, SimulatedPipeline spec, PipelineObservation observation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(observation);
        var at = Epoch.AddSeconds(observation.Seconds);
        return Decide(pipeline, spec.Policy, ObservedCollection.Collection(spec, observation, at), ObservedCollection.Pods(spec, observation, at), at, Forecast(pipeline, observation, at)).NeededPods;
    }

    /// <summary>
    /// Runs the agent's <see cref="DecisionStep"/> for one pipeline on what a collector and an orchestrator report
    /// (one consumer per pod, as the simulated pods run), carries its state to the next call and returns the
    /// decision. <see cref="NeededPods"/> calls this; tests call it to feed the agent's own inputs.
    /// </summary>
    public ScalingDecision Decide(int pipeline, SlaPolicyOptions policy, LagCollectionResult collection, IReadOnlyList<PodInfo> pods, DateTimeOffset at, PolicyForecast? forecast = null)
    {
        var step = DecisionStep.Run(policy, consumersPerPod: 1, collection, pods, _states[pipeline], ++_ticks[pipeline], at, forecast);
        _states[pipeline] = step.State;
        _lastDecisions[pipeline] = step.Decision;
        return step.Decision;
    }

    private PolicyForecast? Forecast(int pipeline, PipelineObservation observation, DateTimeOffset at)
    {
        if (_forecast is null)
        {
            return null;
        }

        var forecaster = _forecasters[pipeline];
        if (forecaster.Observe(at, observation.ArrivalRatePerSecond, DecisionInterval.TotalSeconds) is { } point)
        {
            _forecastPoints[pipeline].Add(point);
        }

        return forecaster.RateAhead(at, _lead) is { } rate ? new PolicyForecast { Mode = _forecast.Mode, RatePerSecond = rate, Lead = _lead } : null;
    }
}
