using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Tests.Scaling;

public sealed class ThroughputLearnerTests
{
    private static readonly SlaPolicyOptions Options = PolicyInputs.Options;

    [Theory]
    // backlog, processing rate, ready pods, parallelism, learned per-pod rate (null = nothing learned)
    [InlineData(2_000, 1_000.0, 4, 64, 250.0)]   // 2 s of queued work: saturated
    [InlineData(1_000, 1_000.0, 4, 64, 250.0)]   // exactly 1 s: saturated
    [InlineData(999, 1_000.0, 4, 64, null)]      // under 1 s: pods may be idle part of the time
    [InlineData(5_000, 1_000.0, 8, 4, 250.0)]    // only 4 of 8 pods have partitions
    [InlineData(5_000, 0.0, 4, 64, null)]        // nothing processed
    [InlineData(5_000, 1_000.0, 0, 64, null)]    // no ready pods
    public void Observe_FromUnknown_LearnsOnlyFromSaturatedPods(long backlog, double processing, int ready, int parallelism, double? expected)
    {
        var input = PolicyInputs.Steady(backlog) with { ProcessingRatePerSecond = processing, ReadyPods = ready, UsefulParallelism = parallelism };

        var estimate = ThroughputLearner.Observe(ThroughputEstimate.Unknown, input, Options);

        Assert.Equal(expected, estimate.PerPodMessagesPerSecond);
        Assert.Equal(expected is null ? 0 : 1, estimate.Samples);
    }

    [Fact]
    public void Observe_KnownEstimate_MovesBySmoothingFactor()
    {
        var previous = new ThroughputEstimate { PerPodMessagesPerSecond = 200, Samples = 3 };
        var input = PolicyInputs.Steady(10_000) with { ProcessingRatePerSecond = 1_200, ReadyPods = 4 };

        var estimate = ThroughputLearner.Observe(previous, input, Options);

        Assert.Equal(200 + (0.3 * (300 - 200)), estimate.PerPodMessagesPerSecond!.Value, 9);
        Assert.Equal(4, estimate.Samples);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Observe_UnhealthyOrStalled_KeepsPreviousEstimate(bool metricsAvailable, bool stalled)
    {
        var previous = new ThroughputEstimate { PerPodMessagesPerSecond = 200, Samples = 3 };
        var input = PolicyInputs.Steady(10_000) with { ProcessingRatePerSecond = 1_200, ReadyPods = 4, MetricsAvailable = metricsAvailable, Stalled = stalled };

        Assert.Same(previous, ThroughputLearner.Observe(previous, input, Options));
    }

    [Fact]
    public void Observe_DuringRebalance_IgnoresDepressedRate()
    {
        var previous = new ThroughputEstimate { PerPodMessagesPerSecond = 200, Samples = 3 };
        var input = PolicyInputs.Steady(10_000) with { ProcessingRatePerSecond = 100, ReadyPods = 4, GroupStable = false };

        Assert.Same(previous, ThroughputLearner.Observe(previous, input, Options));
    }

    [Theory]
    // unsaturated per-pod rate, expected estimate: unsaturated pods can only raise it
    [InlineData(250.0, 250.0)]
    [InlineData(150.0, 200.0)]
    public void Observe_UnsaturatedPods_OnlyRaiseTheEstimate(double perPodRate, double expected)
    {
        var previous = new ThroughputEstimate { PerPodMessagesPerSecond = 200, Samples = 3 };
        var input = PolicyInputs.Steady(10) with { ProcessingRatePerSecond = perPodRate * 4, ReadyPods = 4 };

        Assert.Equal(expected, ThroughputLearner.Observe(previous, input, Options).PerPodMessagesPerSecond);
    }
}
