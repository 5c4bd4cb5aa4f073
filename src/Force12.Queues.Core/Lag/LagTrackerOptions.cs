namespace Force12.Queues.Core.Lag;

/// <summary>Settings of a <see cref="LagTracker"/>; immutable.</summary>
public sealed record LagTrackerOptions
{
    /// <summary>What a unit without a commit counts as lag. Default <see cref="OffsetResetPolicy.Earliest"/>
    /// (the safe side: a new group has everything retained to process).</summary>
    public OffsetResetPolicy ResetPolicy { get; init; } = OffsetResetPolicy.Earliest;

    /// <summary>How long a committed position may stand still while lag grows before the unit is
    /// <see cref="LagUnitStatus.Stalled"/>. Default 30 s.</summary>
    public TimeSpan StallAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The SLA used by the hot-unit rule, or null (default) to never flag a unit as hot.</summary>
    public TimeSpan? Sla { get; init; }

    /// <summary>One consumer's throughput in messages per second assumed until it is learned from a
    /// saturated unit (lag &gt; 0). Default null: no hot flag until learned.</summary>
    public double? PerConsumerRatePrior { get; init; }

    /// <summary>Points kept per unit in the offset/time table. Default <see cref="OffsetTimeTable.DefaultCapacity"/>.</summary>
    public int TimeTableCapacity { get; init; } = OffsetTimeTable.DefaultCapacity;
}
