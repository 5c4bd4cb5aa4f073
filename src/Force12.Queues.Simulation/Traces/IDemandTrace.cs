namespace Force12.Queues.Simulation.Traces;

/// <summary>
/// A load shape: how many messages per second producers send over the time since the run started. The one
/// vocabulary of the simulator (<c>force12 simulate</c>) and the load generator (<c>force12 loadgen</c>, the demo).
/// Pure: the same time always gives the same rate (shapes that draw at random fix their draws when created).
/// </summary>
public interface IDemandTrace
{
    /// <summary>Short name shown in reports, for example <c>dusk</c>.</summary>
    string Name { get; }

    /// <summary>How long the trace lasts, or null to run until stopped (the load generator only; a simulation needs a length).</summary>
    TimeSpan? Duration { get; }

    /// <summary>Mean arrival rate in messages per second at <paramref name="seconds"/> after the start; finite, never negative.</summary>
    double RateAt(double seconds);

    /// <summary>A one-line description for progress output, for example <c>constant 1000/s for 60s</c>.</summary>
    string Describe();
}
