using Force12.Queues.Simulation.Randomness;

using System.Globalization;

namespace Force12.Queues.Simulation.Traces;

/// <summary>
/// The original Force12 demo demand: every <c>stepSeconds</c> (3) the demand moves by a random whole number
/// of pods in [-maxStep, +maxStep] (3), kept within [0, maxPods]; the rate is demand x podThroughput.
/// The steps are drawn once from the injected random source, so a seed gives the same trace.
/// </summary>
public sealed class RandomDemandTrace : IDemandTrace
{
    private readonly int[] _demandPods;
    private readonly double _stepSeconds;
    private readonly double _podThroughput;

    /// <summary>Draws the whole trace up front.</summary>
    public RandomDemandTrace(IRandomSource random, TimeSpan duration, double podThroughput, int startPods = 10, int maxPods = 40, int maxStep = 3, double stepSeconds = 3)
    {
        ArgumentNullException.ThrowIfNull(random);
        Duration = duration;
        _stepSeconds = stepSeconds;
        _podThroughput = podThroughput;
        _demandPods = new int[(int)Math.Ceiling(duration.TotalSeconds / stepSeconds) + 1];
        var demand = startPods;
        for (var i = 0; i < _demandPods.Length; i++)
        {
            _demandPods[i] = demand;
            demand = Math.Clamp(demand + random.NextInt(-maxStep, maxStep), 0, maxPods);
        }
    }

    /// <inheritdoc />
    public string Name => "random";

    /// <inheritdoc />
    public TimeSpan? Duration { get; }

    /// <inheritdoc />
    public double RateAt(double seconds)
    {
        var index = Math.Clamp((int)(seconds / _stepSeconds), 0, _demandPods.Length - 1);
        return _demandPods[index] * _podThroughput;
    }

    /// <inheritdoc />
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture, $"random demand from {_demandPods[0]} pods x {_podThroughput}/s, moving every {_stepSeconds}s{RateGuard.For(Duration)}");
}
