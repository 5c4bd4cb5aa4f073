using Force12.Queues.Core.Leadership;
using k8s.Models;

namespace Force12.Queues.Kubernetes.Leadership;

/// <summary>The Lease objects the elector writes: acquire (create or take over), renew, release. Each keeps the resourceVersion read, so the write is guarded by it.</summary>
internal static class LeaseWrites
{
    /// <summary>This agent as holder: a new Lease when <paramref name="read"/> is null, else a takeover counting one more transition.</summary>
    public static V1Lease Acquire(V1Lease? read, LeaderElectionOptions options, string identity, DateTimeOffset now) => new()
    {
        ApiVersion = "coordination.k8s.io/v1",
        Kind = "Lease",
        Metadata = new V1ObjectMeta
        {
            Name = options.LeaseName,
            NamespaceProperty = options.Namespace,
            ResourceVersion = read?.Metadata?.ResourceVersion,
            Labels = read?.Metadata?.Labels ?? new Dictionary<string, string> { ["app.kubernetes.io/name"] = "force12-agent" },
        },
        Spec = new V1LeaseSpec
        {
            HolderIdentity = identity,
            LeaseDurationSeconds = (int)options.LeaseDuration.TotalSeconds,
            AcquireTime = now.UtcDateTime,
            RenewTime = now.UtcDateTime,
            LeaseTransitions = read is null ? 0 : (read.Spec?.LeaseTransitions ?? 0) + (read.Spec?.HolderIdentity == identity ? 0 : 1),
        },
    };

    /// <summary>The held Lease with a new renewTime (and this agent's duration).</summary>
    public static V1Lease Renew(V1Lease held, LeaderElectionOptions options, DateTimeOffset now)
    {
        held.Spec ??= new V1LeaseSpec();
        held.Spec.RenewTime = now.UtcDateTime;
        held.Spec.LeaseDurationSeconds = (int)options.LeaseDuration.TotalSeconds;
        return held;
    }

    /// <summary>The held Lease with no holder, so a candidate takes it over at its next try without waiting for it to expire.</summary>
    public static V1Lease Release(V1Lease held, DateTimeOffset now)
    {
        held.Spec ??= new V1LeaseSpec();
        held.Spec.HolderIdentity = null;
        held.Spec.LeaseDurationSeconds = 1;
        held.Spec.RenewTime = now.UtcDateTime;
        return held;
    }
}
