using System.Globalization;
using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Lightbulbs.Load;

/// <summary>
/// Drives the load generator with one of the simulator's demand traces (<see cref="TraceCatalog"/>: dusk, random,
/// steps, diurnal), so a simulated run can be replayed against a real pipeline with the same shape.
/// </summary>
public sealed class SimulationTraceRate : IRateFunction
{
    private readonly IDemandTrace _trace;
    private readonly TimeSpan? _duration;

    /// <summary>Wraps <paramref name="trace"/>; the run lasts <paramref name="duration"/>, or the trace's own length when null.</summary>
    public SimulationTraceRate(IDemandTrace trace, TimeSpan? duration = null)
    {
        _trace = trace ?? throw new ArgumentNullException(nameof(trace));
        RateGuard.PositiveOrNull(duration, nameof(duration));
        _duration = duration;
    }

    /// <inheritdoc />
    public TimeSpan? Duration => _duration ?? _trace.Duration;

    /// <summary>The simulator trace called <paramref name="name"/>, or null when there is none.</summary>
    /// <param name="name">A <see cref="TraceCatalog"/> name.</param>
    /// <param name="podThroughput">Events per second of one pod (the random trace is expressed in pods).</param>
    /// <param name="seed">Seed of traces that draw their shape.</param>
    /// <param name="duration">Run length, or null for the trace's default.</param>
    public static SimulationTraceRate? Create(string name, double podThroughput, ulong seed, TimeSpan? duration) =>
        TraceCatalog.Contains(name)
            ? new SimulationTraceRate(TraceCatalog.Create(name, new TraceContext(new SplitMixRandomSource(seed), podThroughput, duration)), duration)
            : null;

    /// <inheritdoc />
    public double RateAt(TimeSpan elapsed)
    {
        var rate = _trace.RateAt(elapsed.TotalSeconds);
        return double.IsFinite(rate) && rate > 0 ? rate : 0;
    }

    /// <inheritdoc />
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"simulator trace {_trace.Name}{RateGuard.For(Duration)}");
}
