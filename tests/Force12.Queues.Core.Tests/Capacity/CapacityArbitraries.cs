using FsCheck;
using FsCheck.Fluent;
using Force12.Queues.Core.Capacity;

namespace Force12.Queues.Core.Tests.Capacity;

/// <summary>FsCheck generators for <see cref="CapacityScenario"/>; pod slots only, so "room" is one number.</summary>
public static class CapacityArbitraries
{
    public static Arbitrary<CapacityScenario> Scenarios()
    {
        var request =
            from priority in Gen.Choose(1, 4)
            from kind in Gen.Choose(0, 5)
            from min in Gen.Choose(0, 4)
            from span in Gen.Choose(0, 30)
            from need in Gen.Choose(0, 40)
            from running in Gen.Choose(0, 12)
            from stopping in Gen.Choose(0, 3)
            select new CapacityRequest
            {
                Pipeline = "",
                Priority = priority,
                IsRemainder = kind == 0,
                MinPods = min,
                MaxPods = min + span,
                NeededPods = need,
                RunningPods = running,
                StoppingPods = stopping,
            };
        return (from slots in Gen.Choose(0, 80)
                from requests in Gen.ListOf(request).Select(l => l.Take(6).ToArray())
                select new CapacityScenario(
                    new CapacityPool { PodSlots = slots },
                    requests.Select((r, i) => r with { Pipeline = $"p{i}" }).ToArray())).ToArbitrary();
    }
}
