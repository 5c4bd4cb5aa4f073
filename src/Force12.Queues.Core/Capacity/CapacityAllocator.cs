namespace Force12.Queues.Core.Capacity;

/// <summary>
/// Shares one <see cref="CapacityPool"/> between pipelines by priority. Pure and deterministic:
/// minimums first (priority order), then each prioritised pipeline's need in priority order (1 first,
/// ties by ordinal name), then remainder pipelines take what is idle, one pod at a time in turn.
/// A lower priority above its minimum is preempted (its target drops, its pods stop) when a higher one
/// needs the room. Starts use only capacity free now: pods still stopping hold theirs (in-flight accounting).
/// </summary>
public static class CapacityAllocator
{
    /// <summary>Allocates <paramref name="pool"/> to <paramref name="requests"/>; results come back in request order.</summary>
    public static IReadOnlyList<PipelineAllocation> Allocate(CapacityPool pool, IReadOnlyList<CapacityRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(requests);
        var order = Enumerable.Range(0, requests.Count).ToArray();
        Array.Sort(order, (a, b) => CompareServiceOrder(requests, a, b));
        var targets = new int[requests.Count];
        var budget = new ResourceBudget(pool);

        foreach (var i in order)
        {
            targets[i] = budget.Fit(Math.Max(0, requests[i].MinPods), requests[i].PerPod);
            budget.Take(targets[i], requests[i].PerPod);
        }

        foreach (var i in order.Where(i => !requests[i].IsRemainder))
        {
            var extra = budget.Fit(ClampedNeed(requests[i]) - targets[i], requests[i].PerPod);
            targets[i] += extra;
            budget.Take(extra, requests[i].PerPod);
        }

        ShareIdle(order.Where(i => requests[i].IsRemainder).ToArray(), requests, targets, ref budget);
        return Start(pool, requests, order, targets);
    }

    private static void ShareIdle(int[] remainders, IReadOnlyList<CapacityRequest> requests, int[] targets, ref ResourceBudget budget)
    {
        var progress = true;
        while (progress)
        {
            progress = false;
            foreach (var i in remainders)
            {
                if (targets[i] < requests[i].MaxPods && budget.Fit(1, requests[i].PerPod) == 1)
                {
                    targets[i]++;
                    budget.Take(1, requests[i].PerPod);
                    progress = true;
                }
            }
        }
    }

    private static PipelineAllocation[] Start(CapacityPool pool, IReadOnlyList<CapacityRequest> requests, int[] order, int[] targets)
    {
        // Free now = pool minus every pod that exists: running ones (including those about to stop) and stopping ones.
        var free = new ResourceBudget(pool);
        foreach (var request in requests)
        {
            free.Take(Math.Max(0, request.RunningPods) + Math.Max(0, request.StoppingPods), request.PerPod);
        }

        var results = new PipelineAllocation[requests.Count];
        foreach (var i in order)
        {
            var request = requests[i];
            var running = Math.Max(0, request.RunningPods);
            var start = free.Fit(targets[i] - running, request.PerPod);
            free.Take(start, request.PerPod);
            var stop = Math.Max(0, running - targets[i]);
            var wanted = request.IsRemainder ? running : Math.Min(running, ClampedNeed(request));
            results[i] = new PipelineAllocation
            {
                Pipeline = request.Pipeline,
                TargetPods = targets[i],
                PodsToStart = start,
                PodsToStop = stop,
                PreemptedPods = Math.Min(stop, Math.Max(0, wanted - targets[i])),
                ShortOfNeed = request.IsRemainder ? 0 : Math.Max(0, ClampedNeed(request) - targets[i]),
            };
        }

        return results;
    }

    /// <summary>Prioritised before remainder, then priority (1 first), then ordinal name, then input position.</summary>
    private static int CompareServiceOrder(IReadOnlyList<CapacityRequest> requests, int a, int b)
    {
        var x = requests[a];
        var y = requests[b];
        var order = x.IsRemainder.CompareTo(y.IsRemainder);
        order = order != 0 ? order : x.Priority.CompareTo(y.Priority);
        order = order != 0 ? order : string.CompareOrdinal(x.Pipeline, y.Pipeline);
        return order != 0 ? order : a.CompareTo(b);
    }

    private static int ClampedNeed(CapacityRequest request) =>
        Math.Max(Math.Max(0, request.MinPods), Math.Min(request.NeededPods, request.MaxPods));
}
