using FsCheck;
using FsCheck.Fluent;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Tests.Scaling;

/// <summary>FsCheck generators for <see cref="PolicyScenario"/>.</summary>
public static class PolicyArbitraries
{
    public static Arbitrary<PolicyScenario> Scenarios() =>
        (from minPods in Gen.Choose(0, 5)
         from span in Gen.Choose(0, 150)
         from step in Gen.Choose(0, 6)
         from backlog in Gen.Choose(0, 2_000_000)
         from arrivals in Gen.Choose(0, 30_000)
         from current in Gen.Choose(0, 160)
         from parallelism in Gen.Choose(1, 200)
         from failures in Gen.Choose(0, 4)
         from flags in Gen.Choose(0, 15)
         from hot in Gen.Choose(0, 3)
         from learned in Gen.Choose(0, 500)
         select Build(minPods, span, step, backlog, arrivals, current, parallelism, failures, flags, hot, learned)).ToArbitrary();

    private static PolicyScenario Build(int minPods, int span, int step, int backlog, int arrivals, int current, int parallelism, int failures, int flags, int hot, int learned)
    {
        var maxPods = Math.Max(1, minPods + span);
        var options = new SlaPolicyOptions
        {
            MinPods = minPods,
            MaxPods = maxPods,
            MaxScaleUpStep = step == 0 ? null : step,
            FallbackPods = Math.Min(2, maxPods),
            ActivationBacklogThreshold = (flags & 8) != 0 ? 100 : 0,
        };
        var input = new PolicyInput
        {
            At = PolicyInputs.Start,
            BacklogMessages = backlog,
            ArrivalRatePerSecond = arrivals,
            ProcessingRatePerSecond = arrivals / 2.0,
            UsefulParallelism = parallelism,
            CurrentPods = current,
            ReadyPods = current,
            MetricsAvailable = (flags & 1) == 0,
            ConsecutiveFailedPolls = (flags & 1) == 0 ? 0 : failures,
            Stalled = (flags & 2) != 0 && (flags & 4) != 0,
            HotUnits = hot,
            HotBacklogMessages = backlog / 4,
            HotArrivalRatePerSecond = arrivals / 8.0,
            Throughput = learned < 20 ? ThroughputEstimate.Unknown : new ThroughputEstimate { PerPodMessagesPerSecond = learned, Samples = 1 },
        };
        return new PolicyScenario(options, input);
    }
}
