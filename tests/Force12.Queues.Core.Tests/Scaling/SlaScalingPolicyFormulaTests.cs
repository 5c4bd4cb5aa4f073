using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Tests.Scaling;

public sealed class SlaScalingPolicyFormulaTests
{
    // N = ceil((L / T + lambda) / mu) with T = 10 s and mu = 100 msg/s (the prior).
    [Theory]
    [InlineData(0, 50, 1)]          // 0.5 pods -> 1
    [InlineData(0, 100, 1)]         // exactly 1 pod, no floating-point round-up
    [InlineData(0, 101, 2)]
    [InlineData(1_000, 0, 1)]       // 100 msg/s of drain
    [InlineData(10_000, 0, 10)]
    [InlineData(10_000, 500, 15)]   // drain 1,000/s + arrivals 500/s
    [InlineData(48_000, 1_200, 60)] // 4,800 + 1,200 = 6,000 msg/s
    public void Decide_BacklogAndArrivals_RequiresSlaFormulaPods(long backlog, double arrivals, int expected)
    {
        var decision = SlaScalingPolicy.Decide(PolicyInputs.Options, PolicyInputs.Steady(backlog, arrivals, current: 1));

        Assert.Equal(expected, decision.NeededPods);
        Assert.Equal(expected == 1 ? ScalingReason.WithinSla : ScalingReason.ScaleUpForSla, decision.Reason);
    }

    [Theory]
    [InlineData(200.0, 6_000, 30)] // learned mu replaces the prior
    [InlineData(50.0, 6_000, 100)] // a slower learned mu needs more pods (capped at the maximum below)
    public void Decide_LearnedThroughput_UsesLearnedRateInsteadOfPrior(double learned, double arrivals, int expected)
    {
        var input = PolicyInputs.Steady(0, arrivals) with
        {
            Throughput = new ThroughputEstimate { PerPodMessagesPerSecond = learned, Samples = 5 },
        };

        var decision = SlaScalingPolicy.Decide(PolicyInputs.Options, input);

        Assert.Equal(expected, decision.NeededPods);
        Assert.Equal(learned, decision.PerPodThroughput);
    }

    [Theory]
    [InlineData(10_000, 64, 100, 64, ScalingReason.CappedAtUsefulParallelism)]
    [InlineData(10_000, 8, 100, 8, ScalingReason.CappedAtUsefulParallelism)]
    [InlineData(10_000, 64, 20, 20, ScalingReason.CappedAtMaximum)]
    [InlineData(500, 64, 100, 6, ScalingReason.ScaleUpForSla)] // 5 pods by the formula; 64 partitions need 6 so no pod holds 13
    public void Decide_NeedAboveParallelismOrMaximum_IsCapped(double arrivals, int parallelism, int maxPods, int expected, ScalingReason reason)
    {
        var input = PolicyInputs.Steady(0, arrivals) with { UsefulParallelism = parallelism };

        var decision = SlaScalingPolicy.Decide(PolicyInputs.Options with { MaxPods = maxPods }, input);

        Assert.Equal(expected, decision.NeededPods);
        Assert.Equal(reason, decision.Reason);
    }

    [Theory]
    [InlineData(0, 0, 3, 3)]     // idle: the minimum
    [InlineData(0, 0, 0, 0)]     // idle with minimum 0: zero
    [InlineData(0, 150, 3, 3)]   // 2 pods of need, minimum 3
    public void Decide_NeedBelowMinimum_ReturnsMinimum(long backlog, double arrivals, int minPods, int expected)
    {
        var decision = SlaScalingPolicy.Decide(PolicyInputs.Options with { MinPods = minPods }, PolicyInputs.Steady(backlog, arrivals, current: minPods));

        Assert.Equal(expected, decision.NeededPods);
    }

    [Fact]
    public void Decide_ExampleFromTheIssue_ExplainsInInvariantSentence()
    {
        // 5 pods x 1,240 msg/s - 1,200/s arrivals = 5,000/s of drain: 48,000 msgs in 9.6 s.
        var input = PolicyInputs.Steady(48_000, 1_200, current: 5) with
        {
            Throughput = new ThroughputEstimate { PerPodMessagesPerSecond = 1_240, Samples = 1 },
        };

        var decision = SlaScalingPolicy.Decide(PolicyInputs.Options, input);

        Assert.Equal(5, decision.NeededPods);
        Assert.Equal(ScalingReason.WithinSla, decision.Reason);
        Assert.Equal("backlog 48,000 msgs drains in 9.6 s at 5 pods; SLA 10 s; arrivals 1,200/s", decision.Explanation);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(9.5, "")]
    [InlineData(12.34, "; oldest message 12.3 s old, over the SLA")]
    public void Decide_OldestMessageOverSla_SaysSoInTheSentence(double? age, string suffix)
    {
        var input = PolicyInputs.Steady(1_000, 0, current: 1) with { OldestUnprocessedAgeSeconds = age };

        var decision = SlaScalingPolicy.Decide(PolicyInputs.Options, input);

        Assert.Equal("backlog 1,000 msgs drains in 10 s at 1 pod; SLA 10 s; arrivals 0/s" + suffix, decision.Explanation);
    }
}
