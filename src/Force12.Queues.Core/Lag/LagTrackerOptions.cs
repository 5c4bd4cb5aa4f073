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

    /// <summary>Points kept per unit in the offset/time table. Default <see cref="OffsetTimeTable.DefaultCapacity"/>.</summary>
    public int TimeTableCapacity { get; init; } = OffsetTimeTable.DefaultCapacity;
}
