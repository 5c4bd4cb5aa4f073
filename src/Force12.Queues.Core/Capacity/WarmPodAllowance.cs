namespace Force12.Queues.Core.Capacity;

/// <summary>
/// How many warm pods each pipeline may keep after an allocation round. Pure. A pipeline whose warm pods do not count
/// against capacity (the default, <see cref="Pods.PodTemplate.WarmCountsAgainstCapacity"/> false) keeps all it asks
/// for. One whose warm pods count gets them only from capacity that no pod uses or is allocated (running, stopping or
/// target pods of every pipeline, remainder pipelines included), in service order: warm pods are the first to give
/// their room back, because the allocation that precedes this never sees them.
/// </summary>
public static class WarmPodAllowance
{
    /// <summary>Warm pods allowed per request (in request order).</summary>
    /// <param name="pool">The shared pool.</param>
    /// <param name="requests">This round's requests.</param>
    /// <param name="allocations">The allocator's results for <paramref name="requests"/>, in the same order.</param>
    /// <param name="warmWanted">Warm pods each pipeline asks for (<c>pod.warm</c>), in request order.</param>
    /// <param name="warmCounts">Whether each pipeline's warm pods count against capacity, in request order.</param>
    public static IReadOnlyList<int> Of(CapacityPool pool, IReadOnlyList<CapacityRequest> requests, IReadOnlyList<PipelineAllocation> allocations,
        IReadOnlyList<int> warmWanted, IReadOnlyList<bool> warmCounts)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(allocations);
        ArgumentNullException.ThrowIfNull(warmWanted);
        ArgumentNullException.ThrowIfNull(warmCounts);
        var idle = new ResourceBudget(pool);
        for (var i = 0; i < requests.Count; i++)
        {
            var held = Math.Max(Math.Max(0, requests[i].RunningPods), allocations[i].TargetPods) + Math.Max(0, requests[i].StoppingPods);
            idle.Take(held, requests[i].PerPod);
        }

        var allowed = warmWanted.ToArray();
        foreach (var i in ServiceOrder(requests).Where(i => warmCounts[i]))
        {
            allowed[i] = idle.Fit(Math.Max(0, warmWanted[i]), requests[i].PerPod);
            idle.Take(allowed[i], requests[i].PerPod);
        }

        return allowed;
    }

    private static IEnumerable<int> ServiceOrder(IReadOnlyList<CapacityRequest> requests) =>
        Enumerable.Range(0, requests.Count)
            .OrderBy(i => requests[i].IsRemainder)
            .ThenBy(i => requests[i].Priority)
            .ThenBy(i => requests[i].Pipeline, StringComparer.Ordinal);
}
