namespace Force12.Queues.Core.Lag;

/// <summary>
/// A pipeline's configured source, read and validated by its <see cref="ILagSourceProvider"/>:
/// knows how to create the collector for it. Holds secrets only in memory; <see cref="Description"/>
/// never contains them.
/// </summary>
public interface ILagSource
{
    /// <summary>The source kind, as in configuration (for example <c>kafka</c>).</summary>
    string Kind { get; }

    /// <summary>Where the backlog is read, without secrets (for example <c>kafka 127.0.0.1:9092 group bulbs, topics bulbs</c>).</summary>
    string Description { get; }

    /// <summary>
    /// Messages (or requests) per second one pod handles when the source's own settings say so, for example the
    /// <c>prometheus</c> kind's <c>perPodRate</c>; null (the default) for sources whose per-pod throughput is the
    /// pipeline's <c>perPodThroughput</c> prior, learned from saturated pods. When set, the configuration reader makes it
    /// the pipeline's prior and rejects <c>perPodThroughput</c> beside it; such a source reports no processing rate, so
    /// nothing is learned over it and the policy's SLA rule divides by exactly this rate.
    /// </summary>
    double? PerPodThroughput => null;

    /// <summary>Creates the collector; called once when the agent starts, not during validation.</summary>
    ILagCollector CreateCollector(LagCollectorContext context);
}
