namespace Force12.Queues.Lightbulbs.Load;

/// <summary>The outcome of a load generator run.</summary>
public sealed record LoadReport
{
    /// <summary>The pattern, as described by <see cref="Simulation.Traces.IDemandTrace.Describe"/>.</summary>
    public required string Pattern { get; init; }

    /// <summary>The sink's description.</summary>
    public required string Sink { get; init; }

    /// <summary>Events handed to the sink.</summary>
    public required long Sent { get; init; }

    /// <summary>Events the sink confirmed.</summary>
    public required long Acknowledged { get; init; }

    /// <summary>Events that failed.</summary>
    public required long Failed { get; init; }

    /// <summary>Events neither confirmed nor failed when the flush timed out.</summary>
    public long Unconfirmed => Math.Max(0, Sent - Acknowledged - Failed);

    /// <summary>Sequence number of the first event.</summary>
    public required long FirstSequence { get; init; }

    /// <summary>Sending time (from start until the last event was handed over).</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Time until every event was confirmed or failed (or the flush timed out).</summary>
    public required TimeSpan ElapsedIncludingFlush { get; init; }

    /// <summary>Acknowledged events per second of <see cref="ElapsedIncludingFlush"/>; 0 when no time passed.</summary>
    public double AchievedRate => ElapsedIncludingFlush > TimeSpan.Zero ? Acknowledged / ElapsedIncludingFlush.TotalSeconds : 0;

    /// <summary>The first failure's text, or null.</summary>
    public string? FirstError { get; init; }

    /// <summary>True when the run was stopped before its pattern ended.</summary>
    public bool Stopped { get; init; }
}
