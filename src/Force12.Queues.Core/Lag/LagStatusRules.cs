namespace Force12.Queues.Core.Lag;

/// <summary>The status rules, as a pure function of one unit's current numbers and short history.</summary>
public static class LagStatusRules
{
    /// <summary>
    /// Classifies a unit. Order of precedence: no commit, caught up (lag 0), stalled, ok. Whether a unit is hot
    /// (cannot be kept within the SLA by one consumer) is not a collector's business: the decision step finds hot
    /// units from the raw lag and arrival rate (<c>PartitionLoad.IsHot</c>).
    /// </summary>
    /// <param name="hasCommit">Whether the group ever committed on the unit.</param>
    /// <param name="lag">Messages waiting.</param>
    /// <param name="committedUnchangedFor">How long the committed position has not moved.</param>
    /// <param name="lagWhenCommitLastMoved">The lag when the committed position last moved.</param>
    /// <param name="stallAfter">How long a position may stand still while lag grows before it is stalled.</param>
    public static LagUnitStatus Classify(
        bool hasCommit,
        long lag,
        TimeSpan committedUnchangedFor,
        long lagWhenCommitLastMoved,
        TimeSpan stallAfter)
    {
        if (!hasCommit)
        {
            return LagUnitStatus.NoCommit;
        }

        if (lag <= 0)
        {
            return LagUnitStatus.CaughtUp;
        }

        if (committedUnchangedFor >= stallAfter && lag > lagWhenCommitLastMoved)
        {
            return LagUnitStatus.Stalled;
        }

        return LagUnitStatus.Ok;
    }
}
