namespace Force12.Queues.Simulation.Traces;

/// <summary>The load generator's view of a <see cref="IDemandTrace"/>: time as elapsed <see cref="TimeSpan"/>.</summary>
public static class DemandTraceExtensions
{
    /// <summary>The rate in messages per second <paramref name="elapsed"/> after the start.</summary>
    public static double RateAt(this IDemandTrace trace, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return trace.RateAt(elapsed.TotalSeconds);
    }
}
