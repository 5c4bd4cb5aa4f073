using Force12.Queues.Kinesis.Leases;

namespace Force12.Queues.Kinesis.Consumer;

/// <summary>
/// KCL's expiry rule without trusting clocks across workers: a lease is expired when this worker has
/// seen the same <c>leaseCounter</c> for longer than the failover time (its owner stopped renewing).
/// Time comes from the caller.
/// </summary>
internal sealed class LeaseExpiryTracker
{
    private readonly Dictionary<string, (long Counter, DateTimeOffset Since)> _seen = new(StringComparer.Ordinal);

    /// <summary>Records the leases of one scan at <paramref name="now"/>.</summary>
    public void Observe(IEnumerable<KclLease> leases, DateTimeOffset now)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lease in leases)
        {
            var key = lease.Key.ToString();
            present.Add(key);
            if (!_seen.TryGetValue(key, out var seen) || seen.Counter != lease.Counter)
            {
                _seen[key] = (lease.Counter, now);
            }
        }

        foreach (var gone in _seen.Keys.Where(k => !present.Contains(k)).ToList())
        {
            _seen.Remove(gone);
        }
    }

    /// <summary>True when the lease is free (no owner) or its counter stood still for longer than <paramref name="failoverTime"/>.</summary>
    public bool IsAvailable(KclLease lease, DateTimeOffset now, TimeSpan failoverTime) =>
        lease.Owner is null
        || (_seen.TryGetValue(lease.Key.ToString(), out var seen) && seen.Counter == lease.Counter && now - seen.Since > failoverTime);
}
