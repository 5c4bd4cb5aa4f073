namespace Force12.Queues.Lightbulbs.Load;

/// <summary>
/// The load generator's pattern as given on the command line (<c>force12 loadgen --pattern ...</c>); the
/// <see cref="RatePatternFactory"/> turns it into an <see cref="Simulation.Traces.IDemandTrace"/>. Rates in events per second.
/// </summary>
public sealed record RatePatternSpec
{
    /// <summary>Names accepted by <see cref="Pattern"/>.</summary>
    public static readonly IReadOnlyList<string> Patterns = ["constant", "step", "dusk", "diurnal", "random-walk", "trace", "sim:<simulator trace>"];

    /// <summary>One of <see cref="Patterns"/>. Default <c>constant</c>.</summary>
    public string Pattern { get; init; } = "constant";

    /// <summary>The base rate: constant rate, step low, dusk baseline, random-walk start. Default 1000.</summary>
    public double Rate { get; init; } = 1000;

    /// <summary>Length of the run; null runs until stopped (a trace ends at its last point). Default null.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Step: the rate after the step. Required for <c>step</c>.</summary>
    public double? StepTo { get; init; }

    /// <summary>Step: when the step happens (and the low phase of a repeating step). Default 30 s.</summary>
    public TimeSpan StepAt { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Step: how long the high rate lasts before the cycle repeats; null steps once. Default null.</summary>
    public TimeSpan? StepHold { get; init; }

    /// <summary>Dusk: bulbs that report during the spike. Default 10,000.</summary>
    public int SpikeBulbs { get; init; } = 10_000;

    /// <summary>Dusk: when the spike starts. Default 10 s.</summary>
    public TimeSpan SpikeAt { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Dusk: how long the spike lasts. Default 10 s.</summary>
    public TimeSpan SpikeLength { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Diurnal and random walk: the lowest rate. Default 0 (diurnal) or <see cref="Rate"/> / 10 (random walk).</summary>
    public double? MinRate { get; init; }

    /// <summary>Diurnal and random walk: the highest rate. Required for <c>diurnal</c>; default <see cref="Rate"/> x 5 for random walk.</summary>
    public double? MaxRate { get; init; }

    /// <summary>Diurnal: length of one day. Default 60 s.</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Random walk: time between moves. Default 1 s.</summary>
    public TimeSpan StepEvery { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Random walk: largest move as a fraction of the rate. Default 0.2.</summary>
    public double MaxStepFraction { get; init; } = 0.2;

    /// <summary>Seed of the random walk (and of the bulbs chosen). Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>sim:NAME patterns: one pod's events per second (the simulator's random trace is in pods). Default 1000.</summary>
    public double PodThroughput { get; init; } = 1000;

    /// <summary>Trace: CSV file of <c>seconds,rate</c> rows. Required for <c>trace</c>.</summary>
    public string? TraceFile { get; init; }
}
