namespace Force12.Queues.Core.Lag;

/// <summary>
/// Reads how far one consumer group is behind on its streams. One instance per (cluster, group);
/// it keeps per-unit history between calls (rates, the time-lag table, stall detection), so call
/// <see cref="CollectAsync"/> repeatedly on the same instance, once per poll interval.
/// </summary>
public interface ILagCollector
{
    /// <summary>The source kind that configuration names, for example "kafka".</summary>
    string Kind { get; }

    /// <summary>
    /// Collects one snapshot. Failures (unreachable cluster, unknown group, missing stream,
    /// refused credentials) come back as a <see cref="LagError"/>, never as a zero lag and never as
    /// an exception; only cancellation throws.
    /// </summary>
    Task<LagCollectionResult> CollectAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A failure of this collector's source found outside the collector (the agent's collect timeout), named as the
    /// collector names its own: its kind, cluster and group.
    /// </summary>
    LagError Failure(LagErrorKind kind, string message);
}
