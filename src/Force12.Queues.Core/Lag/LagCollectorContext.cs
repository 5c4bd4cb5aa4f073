using Microsoft.Extensions.Logging;

namespace Force12.Queues.Core.Lag;

/// <summary>What a collector is created with besides its own settings: the clock, logging, and the pipeline facts it needs.</summary>
public sealed record LagCollectorContext
{
    /// <summary>The pipeline the collector serves.</summary>
    public required string Pipeline { get; init; }

    /// <summary>The clock every time-dependent figure is computed from.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the collector logs.</summary>
    public required ILoggerFactory LoggerFactory { get; init; }
}
