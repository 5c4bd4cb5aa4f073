namespace Force12.Queues.Lightbulbs.Load;

/// <summary>
/// A demand pattern: the target send rate over the time since the run started. Pure: the same
/// elapsed time always gives the same rate (random patterns fix their seed when created).
/// </summary>
public interface IRateFunction
{
    /// <summary>How long the pattern runs, or null to run until stopped.</summary>
    TimeSpan? Duration { get; }

    /// <summary>The target rate in events per second at <paramref name="elapsed"/>; finite, never negative.</summary>
    double RateAt(TimeSpan elapsed);

    /// <summary>A one-line description for progress output, for example <c>constant 1000/s for 60s</c>.</summary>
    string Describe();
}
