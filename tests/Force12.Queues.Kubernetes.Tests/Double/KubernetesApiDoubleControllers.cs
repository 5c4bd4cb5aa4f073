namespace Force12.Queues.Kubernetes.Tests.Double;

/// <summary>
/// The controllers inside <see cref="KubernetesApiDouble"/>, stepped every few milliseconds: the ReplicaSet controller
/// (Deployments) and the StatefulSet controller bring the pods to each workload's replica count, and the kubelet moves
/// pods along: Pending, then Running (containers started), then Ready; a deleted pod keeps its deletionTimestamp for
/// its termination, then is gone. On scale-down the ReplicaSet controller ranks pods as Kubernetes documents it:
/// pending before running, not ready before ready, lower <c>controller.kubernetes.io/pod-deletion-cost</c> first,
/// ready for less time first, then newer before older. The StatefulSet controller removes the highest ordinals
/// (it ignores pod-deletion-cost) and starts pods in parallel (podManagementPolicy: Parallel).
/// </summary>
internal sealed class KubernetesApiDoubleControllers(KubernetesApiDoubleCluster cluster)
{
    /// <summary>Pending to Running.</summary>
    public TimeSpan StartDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Running to Ready.</summary>
    public TimeSpan ReadyDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>deletionTimestamp set to gone.</summary>
    public TimeSpan TerminationDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>One pass of every controller.</summary>
    public void Step() => cluster.Locked(() =>
    {
        var now = cluster.Now;
        foreach (var workload in cluster.Workloads)
        {
            Replicate(workload, now);
        }

        foreach (var pod in cluster.Pods.ToList())
        {
            Advance(pod, now);
        }

        return 0;
    });

    private void Replicate(DoubleWorkload workload, DateTimeOffset now)
    {
        var active = cluster.Pods.Where(p => p.Owner == workload && p.DeletedAt is null).ToList();
        for (var missing = workload.Replicas - active.Count; missing > 0; missing--)
        {
            var name = workload.IsStatefulSet
                ? $"{workload.Name}-{Enumerable.Range(0, int.MaxValue).First(i => cluster.Pods.All(p => p.Owner != workload || p.Name != $"{workload.Name}-{i}"))}"
                : $"{workload.Name}-{workload.Labels["pod-template-hash"]}-{Guid.NewGuid().ToString("N")[..5]}";
            cluster.Pods.Add(new DoublePod { Owner = workload, Name = name, Uid = Guid.NewGuid().ToString(), CreatedAt = now, ResourceVersion = cluster.NextRevision() });
        }

        var surplus = active.Count - workload.Replicas;
        if (surplus <= 0)
        {
            return;
        }

        var victims = workload.IsStatefulSet
            ? active.OrderByDescending(p => int.Parse(p.Name[(p.Name.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            : active.OrderBy(p => p.StartedAt is null ? 0 : 1)
                .ThenBy(p => p.IsReady ? 1 : 0)
                .ThenBy(p => p.DeletionCost)
                .ThenByDescending(p => p.ReadyAt ?? DateTimeOffset.MaxValue)
                .ThenByDescending(p => p.CreatedAt);
        foreach (var victim in victims.Take(surplus))
        {
            Delete(victim, now);
        }
    }

    /// <summary>Sets the pod's deletionTimestamp (a graceful delete); the pod is gone after <see cref="TerminationDelay"/>.</summary>
    public void Delete(DoublePod pod, DateTimeOffset now)
    {
        pod.DeletedAt ??= now;
        pod.ResourceVersion = cluster.NextRevision();
    }

    private void Advance(DoublePod pod, DateTimeOffset now)
    {
        if (pod.DeletedAt is { } deleted)
        {
            if (now - deleted >= TerminationDelay)
            {
                cluster.Pods.Remove(pod);
                cluster.NextRevision();
            }
        }
        else if (pod.StartedAt is null && now - pod.CreatedAt >= StartDelay)
        {
            pod.StartedAt = now;
            pod.ResourceVersion = cluster.NextRevision();
        }
        else if (pod.StartedAt is { } started && pod.ReadyAt is null && now - started >= ReadyDelay)
        {
            pod.ReadyAt = now;
            pod.ResourceVersion = cluster.NextRevision();
        }
    }
}
