namespace Force12.Queues.Core.Lag;

/// <summary>
/// Where a consumer starts on a unit that has no committed position (Kafka <c>auto.offset.reset</c>,
/// Kinesis <c>TRIM_HORIZON</c> / <c>LATEST</c>). Decides what a "no commit" unit counts as lag.
/// </summary>
public enum OffsetResetPolicy
{
    /// <summary>Start at the log start: everything still retained is backlog (log end - log start).</summary>
    Earliest,

    /// <summary>Start at the log end: no backlog (lag 0), reported with status <see cref="LagUnitStatus.NoCommit"/>.</summary>
    Latest,
}
