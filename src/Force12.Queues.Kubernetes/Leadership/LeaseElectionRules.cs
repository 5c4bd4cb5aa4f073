namespace Force12.Queues.Kubernetes.Leadership;

/// <summary>What the elector read of the Lease: its holder, the holder's lease duration and its resourceVersion.</summary>
/// <param name="Holder">The <c>spec.holderIdentity</c>; null or empty when nobody holds it (released).</param>
/// <param name="DurationSeconds">The <c>spec.leaseDurationSeconds</c> the holder wrote; null when absent.</param>
/// <param name="ResourceVersion">The <c>metadata.resourceVersion</c>: it changes on every write, renewals included.</param>
internal sealed record LeaseRecord(string? Holder, int? DurationSeconds, string ResourceVersion);

/// <summary>When this candidate first saw a version of the Lease, on its own clock (time since the elector started).</summary>
internal readonly record struct LeaseSighting(string ResourceVersion, TimeSpan SeenAt);

/// <summary>What the elector does next with the Lease.</summary>
internal enum LeaseAction
{
    /// <summary>No Lease exists: create it naming this agent (a 409 AlreadyExists means another created it first).</summary>
    Create,

    /// <summary>This agent holds it: write a new renewTime, guarded by the resourceVersion read.</summary>
    Renew,

    /// <summary>Released, or expired by this agent's own observation: write this agent as holder, guarded by the resourceVersion read.</summary>
    TakeOver,

    /// <summary>Another agent holds a Lease that has not expired: do not act, look again after the retry period.</summary>
    Wait,
}

/// <summary>
/// The leader election's decisions, pure (no clock, no I/O): which write to try given the Lease just read, and whether
/// the leader may still act. A candidate never trusts the holder's renewTime (another machine's clock): a Lease is
/// expired only when this candidate has seen the same resourceVersion for the holder's leaseDurationSeconds on its own
/// clock. The leader stops acting once renewDeadline has passed since its last successful write began, and renewDeadline
/// is less than leaseDuration, so it has stopped before any candidate can see the Lease as expired.
/// </summary>
internal static class LeaseElectionRules
{
    /// <summary>The next step, and the sighting to keep for the next read.</summary>
    /// <param name="lease">The Lease just read; null when it does not exist (404).</param>
    /// <param name="previous">The sighting the previous step returned; null at first.</param>
    /// <param name="identity">This agent's identity.</param>
    /// <param name="now">This agent's clock (time since the elector started), when the read began.</param>
    /// <param name="ownDuration">This agent's lease duration, for a Lease that names none.</param>
    public static (LeaseAction Action, LeaseSighting? Sighting) Next(LeaseRecord? lease, LeaseSighting? previous, string identity, TimeSpan now, TimeSpan ownDuration)
    {
        if (lease is null)
        {
            return (LeaseAction.Create, null);
        }

        var sighting = previous is { } seen && seen.ResourceVersion == lease.ResourceVersion ? seen : new LeaseSighting(lease.ResourceVersion, now);
        if (lease.Holder == identity)
        {
            return (LeaseAction.Renew, sighting);
        }

        if (string.IsNullOrEmpty(lease.Holder))
        {
            return (LeaseAction.TakeOver, sighting);
        }

        var duration = lease.DurationSeconds is { } seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : ownDuration;
        return (now - sighting.SeenAt >= duration ? LeaseAction.TakeOver : LeaseAction.Wait, sighting);
    }

    /// <summary>True while the leader may act: its last successful write began less than <paramref name="renewDeadline"/> ago.</summary>
    /// <param name="lastWriteBegan">When the last successful create, renewal or takeover began; null when this agent does not hold the Lease.</param>
    /// <param name="now">This agent's clock.</param>
    /// <param name="renewDeadline">The renew deadline.</param>
    public static bool MayAct(TimeSpan? lastWriteBegan, TimeSpan now, TimeSpan renewDeadline) =>
        lastWriteBegan is { } began && now - began < renewDeadline;
}
