using Force12.Queues.Kinesis.Leases;

namespace Force12.Queues.Kinesis.Consumer;

/// <summary>
/// Decides which leases a worker takes, as KCL does: every worker aims at ceil(workable leases /
/// active workers); it first takes free or expired leases, and when none are left and it is still
/// under target, steals one lease from the most loaded worker if that one is over target (or at target
/// while this worker needs more than one, so that 2-2-0 does not count as balanced). Pure.
/// A lease is workable when its shard is not finished and every parent shard is finished (parents
/// are processed before children).
/// </summary>
internal static class LeaseBalancer
{
    public static IReadOnlyList<KclLease> ChooseLeasesToTake(
        IReadOnlyList<KclLease> leases, string workerId, Func<KclLease, bool> isAvailable)
    {
        var workable = Workable(leases);
        var activeOwners = workable.Where(l => l.Owner is not null && !isAvailable(l)).Select(l => l.Owner!)
            .Append(workerId).Distinct(StringComparer.Ordinal).ToArray();
        var target = (int)Math.Ceiling(workable.Count / (double)activeOwners.Length);
        var mine = workable.Count(l => l.Owner == workerId && !isAvailable(l));
        var wanted = target - mine;
        if (wanted <= 0)
        {
            return [];
        }

        // Leases still naming this worker but not held (a restart with the same id) count as free once expired.
        var free = workable.Where(isAvailable).OrderBy(l => l.Key.ToString(), StringComparer.Ordinal).Take(wanted).ToArray();
        if (free.Length > 0)
        {
            return free;
        }

        var busiest = workable.Where(l => l.Owner is not null && l.Owner != workerId && !isAvailable(l))
            .GroupBy(l => l.Owner!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        var steal = busiest is not null && (busiest.Count() > target || (wanted > 1 && busiest.Count() == target));
        return steal
            ? [busiest!.OrderBy(l => l.Key.ToString(), StringComparer.Ordinal).First()]
            : [];
    }

    /// <summary>Leases that can be processed now: not finished, and all parents finished (or gone from the table).</summary>
    public static IReadOnlyList<KclLease> Workable(IReadOnlyList<KclLease> leases)
    {
        var byShard = leases.GroupBy(l => l.ShardId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return leases.Where(l => !l.IsFinished
            && l.ParentShardIds.All(p => !byShard.TryGetValue(p, out var parent) || parent.IsFinished)).ToArray();
    }
}
