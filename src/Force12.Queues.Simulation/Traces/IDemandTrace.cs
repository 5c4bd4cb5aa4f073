namespace Force12.Queues.Simulation.Traces;

/// <summary>How many messages per second producers send over a simulated run.</summary>
public interface IDemandTrace
{
    /// <summary>Short name shown in reports, for example <c>dusk</c>.</summary>
    string Name { get; }

    /// <summary>How long the trace lasts.</summary>
    TimeSpan Duration { get; }

    /// <summary>Mean arrival rate in messages per second at <paramref name="seconds"/> after the start.</summary>
    double RateAt(double seconds);
}
