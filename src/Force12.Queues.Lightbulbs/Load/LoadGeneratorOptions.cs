using Force12.Queues.Lightbulbs.Events;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Lightbulbs.Load;

/// <summary>What a <see cref="LoadGenerator"/> sends; immutable.</summary>
public sealed record LoadGeneratorOptions
{
    /// <summary>The demand pattern. Required.</summary>
    public required IDemandTrace Rate { get; init; }

    /// <summary>Message encoding. Default JSON.</summary>
    public ILightbulbEventCodec Codec { get; init; } = JsonLightbulbCodec.Instance;

    /// <summary>Stop after this many events, or null (default) to follow the pattern to its end.</summary>
    public long? MaxEvents { get; init; }

    /// <summary>Time between progress samples. Default 1 s.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait at the end for outstanding acknowledgements. Default 30 s.</summary>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Most events sent before the clock is read again when catching up. Default 1,000.</summary>
    public int MaxBurst { get; init; } = 1_000;
}
