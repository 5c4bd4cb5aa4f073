using Force12.Queues.Core.Lag;

namespace Force12.Queues.Core.Scaling;

/// <summary>
/// The hot-partition rule (<see cref="PartitionLoad.IsHot"/>) applied to one collected unit, to label it for a
/// person (<c>force12 lag</c>). The decision step applies the same rule to every unit at once; collectors
/// never do, so they need no SLA.
/// </summary>
/// <param name="Sla">The SLA a unit must be kept within.</param>
/// <param name="PerConsumerThroughput">Messages per second one consumer processes.</param>
public sealed record HotUnitRule(TimeSpan Sla, double PerConsumerThroughput)
{
    /// <summary>
    /// Whether <paramref name="unit"/> is hot: its status is <see cref="LagUnitStatus.Ok"/> (a unit caught up,
    /// without a commit or stalled keeps that label) and one consumer cannot keep it within the SLA. A unit whose
    /// arrival rate is not known yet is judged on its backlog alone.
    /// </summary>
    public bool IsHot(LagUnitSnapshot unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Status == LagUnitStatus.Ok && PartitionLoad.IsHot(unit.Lag, unit.ArrivalRate ?? 0, Sla.TotalSeconds, PerConsumerThroughput);
    }
}
