using FsCheck.Xunit;
using Force12.Queues.Core.Capacity;

namespace Force12.Queues.Core.Tests.Capacity;

[Properties(Arbitrary = [typeof(CapacityArbitraries)], MaxTest = 500)]
public sealed class CapacityAllocatorProperties
{
    [Property]
    public bool Allocate_AnyScenario_TargetsNeverExceedCapacity(CapacityScenario scenario)
    {
        var result = CapacityAllocator.Allocate(scenario.Pool, scenario.Requests);

        return result.Sum(a => a.TargetPods) <= scenario.Pool.PodSlots
            && result.Zip(scenario.Requests).All(p => p.First.TargetPods <= p.Second.MaxPods);
    }

    [Property]
    public bool Allocate_AnyScenario_StartsOnlyIntoCapacityFreeNow(CapacityScenario scenario)
    {
        var result = CapacityAllocator.Allocate(scenario.Pool, scenario.Requests);

        var existing = scenario.Requests.Sum(r => r.RunningPods + r.StoppingPods);
        return result.Sum(a => a.PodsToStart) <= Math.Max(0, scenario.Pool.PodSlots - existing);
    }

    [Property]
    public bool Allocate_HigherPriorityShort_NoLowerPriorityAboveItsMinimum(CapacityScenario scenario)
    {
        var result = CapacityAllocator.Allocate(scenario.Pool, scenario.Requests);

        for (var h = 0; h < result.Count; h++)
        {
            var high = scenario.Requests[h];
            if (high.IsRemainder || result[h].ShortOfNeed == 0)
            {
                continue;
            }

            for (var l = 0; l < result.Count; l++)
            {
                var low = scenario.Requests[l];
                var lower = low.IsRemainder || low.Priority > high.Priority;
                if (lower && result[l].TargetPods > low.MinPods)
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property]
    public bool Allocate_SameInputsInAnyOrder_GiveSameAllocation(CapacityScenario scenario)
    {
        var forward = CapacityAllocator.Allocate(scenario.Pool, scenario.Requests);
        var again = CapacityAllocator.Allocate(scenario.Pool, scenario.Requests);
        var reversed = CapacityAllocator.Allocate(scenario.Pool, scenario.Requests.Reverse().ToArray()).Reverse();

        return forward.SequenceEqual(again) && forward.SequenceEqual(reversed);
    }
}
