using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Tests.Scaling;

public sealed class SlaScalingPolicyRuleTests
{
    private static readonly SlaPolicyOptions Options = PolicyInputs.Options;

    [Theory]
    // hot units, hot backlog, hot arrivals, expected: cold part sized by the formula plus one pod per hot partition
    [InlineData(0, 0, 0.0, 51)]        // (50,000 / 10 + 100) / 100 = 51 pods, all cold
    [InlineData(1, 45_000, 0.0, 7)]    // (5,000 / 10 + 100) / 100 = 6 cold pods, + 1 for the hot partition
    [InlineData(2, 49_000, 100.0, 3)]  // 1,000 cold msgs -> 1 pod, + 2
    public void Decide_HotPartitions_AreFlaggedNotChased(int hotUnits, long hotBacklog, double hotArrivals, int expected)
    {
        var input = PolicyInputs.Steady(50_000, 100) with
        {
            HotUnits = hotUnits,
            HotBacklogMessages = hotBacklog,
            HotArrivalRatePerSecond = hotArrivals,
        };

        var decision = SlaScalingPolicy.Decide(Options, input);

        Assert.Equal(expected, decision.NeededPods);
        Assert.Equal(hotUnits > 0 ? ScalingReason.HotPartitionsFlagged : ScalingReason.ScaleUpForSla, decision.Reason);
        if (hotUnits > 0)
        {
            Assert.Contains($"{hotUnits} hot partitions cannot drain", decision.Explanation, StringComparison.Ordinal);
        }
    }

    [Theory]
    // threshold, backlog, arrivals, expected pods, expected reason
    [InlineData(0, 1, 0.0, 1, ScalingReason.ActivatedFromZero)]
    [InlineData(0, 5_000, 0.0, 5, ScalingReason.ActivatedFromZero)]
    [InlineData(100, 100, 0.0, 0, ScalingReason.IdleAtMinimum)]     // at the threshold: stays at zero
    [InlineData(100, 101, 0.0, 1, ScalingReason.ActivatedFromZero)]
    [InlineData(0, 0, 0.0, 0, ScalingReason.IdleAtMinimum)]
    [InlineData(100, 50, 500.0, 0, ScalingReason.IdleAtMinimum)]    // arrivals alone do not activate below the threshold
    public void Decide_AtZeroPods_ActivatesOnlyAboveThreshold(long threshold, long backlog, double arrivals, int expected, ScalingReason reason)
    {
        var options = Options with { MinPods = 0, ActivationBacklogThreshold = threshold };

        var decision = SlaScalingPolicy.Decide(options, PolicyInputs.Steady(backlog, arrivals, current: 0));

        Assert.Equal(expected, decision.NeededPods);
        Assert.Equal(reason, decision.Reason);
    }

    [Theory]
    // current, need (arrivals / 100), step, expected, reason
    [InlineData(2, 40, null, 40, ScalingReason.ScaleUpForSla)]
    [InlineData(2, 40, 5, 7, ScalingReason.ScaleUpBoundedByStep)]
    [InlineData(2, 6, 5, 6, ScalingReason.ScaleUpForSla)]
    public void Decide_HigherNeed_ScalesUpAtOnceOrByStep(int current, int need, int? step, int expected, ScalingReason reason)
    {
        var decision = SlaScalingPolicy.Decide(Options with { MaxScaleUpStep = step }, PolicyInputs.Steady(0, need * 100, current));

        Assert.Equal(expected, decision.NeededPods);
        Assert.Equal(reason, decision.Reason);
    }

    [Fact]
    public void Decide_StepBoundBelowMinimum_StillReachesMinimumAtOnce()
    {
        var options = Options with { MinPods = 4, MaxScaleUpStep = 3 };

        var decision = SlaScalingPolicy.Decide(options, PolicyInputs.Steady(0, 4_000, current: 0) with { BacklogMessages = 500 });

        Assert.Equal(7, decision.NeededPods); // the minimum of 4, then at most 3 more
        Assert.Equal(ScalingReason.ScaleUpBoundedByStep, decision.Reason);
    }

    [Theory]
    // seconds after the high need at which the need drops to 2; pods at 40 s (window 30 s)
    [InlineData(5, 10)]
    [InlineData(29, 10)]
    public void Decide_LowerNeedInsideWindow_KeepsPods(int lowAfterSeconds, int expected)
    {
        var high = SlaScalingPolicy.Decide(Options, PolicyInputs.Steady(0, 1_000, current: 10));
        var low = SlaScalingPolicy.Decide(Options, PolicyInputs.Steady(0, 200, current: 10) with
        {
            At = PolicyInputs.Start.AddSeconds(lowAfterSeconds),
            History = high.History,
        });

        Assert.Equal(expected, low.NeededPods);
        Assert.Equal(ScalingReason.ScaleDownDeferred, low.Reason);
        Assert.Contains("keeping 10 until the lower need holds for 30 s", low.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, 2)]
    [InlineData(120, 2)]
    public void Decide_LowerNeedHeldForWindow_ScalesDown(int seconds, int expected)
    {
        var history = SlaScalingPolicy.Decide(Options, PolicyInputs.Steady(0, 1_000, current: 10)).History;

        var decision = SlaScalingPolicy.Decide(Options, PolicyInputs.Steady(0, 200, current: 10) with
        {
            At = PolicyInputs.Start.AddSeconds(seconds),
            History = history,
        });

        Assert.Equal(expected, decision.NeededPods);
        Assert.Equal(ScalingReason.ScaleDownAfterStabilisation, decision.Reason);
    }

    [Fact]
    public void Decide_NeedFallingInSteps_ScalesDownToHighestNeedInWindow()
    {
        var history = StabilisationHistory.Empty;
        int Need(int second, int pods, int current)
        {
            var d = SlaScalingPolicy.Decide(Options, PolicyInputs.Steady(0, pods * 100, current) with
            {
                At = PolicyInputs.Start.AddSeconds(second),
                History = history,
            });
            history = d.History;
            return d.NeededPods;
        }

        Assert.Equal(10, Need(0, 10, 10));
        Assert.Equal(10, Need(10, 6, 10));
        Assert.Equal(10, Need(20, 3, 10));
        Assert.Equal(6, Need(30, 3, 10));  // 10 left the window; 6 (t = 10) still in it
        Assert.Equal(3, Need(40, 3, 6));
    }

    [Theory]
    [InlineData(1, 8)]
    [InlineData(2, 8)]
    public void Decide_MetricsUnavailable_NeverScalesDown(int failedPolls, int current)
    {
        var input = PolicyInputs.Steady(0, 0, current) with { MetricsAvailable = false, ConsecutiveFailedPolls = failedPolls };

        var decision = SlaScalingPolicy.Decide(Options, input);

        Assert.Equal(current, decision.NeededPods);
        Assert.Equal(ScalingReason.MetricsUnavailableHold, decision.Reason);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(false, 3)]
    [InlineData(true, 0)]
    public void Decide_PodCrashedWhileDataIsMissing_HoldsThePreviousDecisionSoThePodIsReplaced(bool stalled, int failedPolls)
    {
        // The previous tick decided 6 pods; one crashed since, so 5 are up when the data goes missing.
        var history = StabilisationHistory.Empty.Record(PolicyInputs.Start.AddSeconds(-1), 6, Options.ScaleDownStabilisation);
        var input = PolicyInputs.Steady(10_000, 1_000, 5) with
        {
            MetricsAvailable = stalled, Stalled = stalled, ConsecutiveFailedPolls = failedPolls, History = history, ProcessingRatePerSecond = 0,
        };

        var decision = SlaScalingPolicy.Decide(Options, input);

        Assert.Equal(6, decision.NeededPods);
    }

    [Theory]
    // min, current, fallback, expected
    [InlineData(0, 0, 2, 2)]  // never zero after repeated failures
    [InlineData(1, 1, 4, 4)]
    [InlineData(1, 9, 4, 9)]  // fallback never scales down
    public void Decide_RepeatedFailedPolls_MovesToFallbackNeverZero(int minPods, int current, int fallback, int expected)
    {
        var options = Options with { MinPods = minPods, FallbackPods = fallback, FallbackAfterFailedPolls = 3 };
        var input = PolicyInputs.Steady(0, 0, current) with { MetricsAvailable = false, ConsecutiveFailedPolls = 3 };

        var decision = SlaScalingPolicy.Decide(options, input);

        Assert.Equal(expected, decision.NeededPods);
        Assert.Equal(ScalingReason.FallbackAfterFailedPolls, decision.Reason);
        Assert.Equal($"3 consecutive failed polls; running fallback of {expected} pods", decision.Explanation);
    }

    [Theory]
    [InlineData(4, 500_000)]
    [InlineData(1, 10_000)]
    public void Decide_StalledGroup_IsNotAnsweredWithMorePods(int current, long backlog)
    {
        var input = PolicyInputs.Steady(backlog, 1_000, current) with { Stalled = true, ProcessingRatePerSecond = 0 };

        var decision = SlaScalingPolicy.Decide(Options, input);

        Assert.Equal(current, decision.NeededPods);
        Assert.Equal(ScalingReason.ConsumerGroupStalled, decision.Reason);
        Assert.StartsWith("consumer group stalled", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_AfterMetricsReturn_WaitsAWindowBeforeScalingDown()
    {
        var held = SlaScalingPolicy.Decide(Options, PolicyInputs.Steady(0, 0, 8) with { MetricsAvailable = false, ConsecutiveFailedPolls = 1 });

        var back = SlaScalingPolicy.Decide(Options, PolicyInputs.Steady(0, 100, 8) with { At = PolicyInputs.Start.AddSeconds(5), History = held.History });

        Assert.Equal(8, back.NeededPods);
        Assert.Equal(ScalingReason.ScaleDownDeferred, back.Reason);
    }
}
