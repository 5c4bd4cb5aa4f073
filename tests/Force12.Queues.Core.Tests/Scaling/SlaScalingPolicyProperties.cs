using FsCheck.Xunit;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Tests.Scaling;

[Properties(Arbitrary = [typeof(PolicyArbitraries)], MaxTest = 500)]
public sealed class SlaScalingPolicyProperties
{
    [Property]
    public bool Decide_AnyInput_RequiredPodsWithinMinAndMax(PolicyScenario scenario)
    {
        var decision = SlaScalingPolicy.Decide(scenario.Options, scenario.Input);

        return decision.NeededPods >= scenario.Options.MinPods && decision.NeededPods <= scenario.Options.MaxPods;
    }

    [Property]
    public bool Decide_MoreBacklog_NeverFewerPods(PolicyScenario scenario, ushort extraThousands)
    {
        var more = scenario.Input with { BacklogMessages = scenario.Input.BacklogMessages + (extraThousands * 1_000L) };

        var fewer = SlaScalingPolicy.Decide(scenario.Options, scenario.Input).NeededPods;
        var bigger = SlaScalingPolicy.Decide(scenario.Options, more).NeededPods;

        return bigger >= fewer;
    }

    [Property]
    public bool Decide_UnchangedInputs_GiveUnchangedOutputWithoutFlapping(PolicyScenario scenario)
    {
        var first = SlaScalingPolicy.Decide(scenario.Options, scenario.Input);
        var again = SlaScalingPolicy.Decide(scenario.Options, scenario.Input);

        // Feed the decision back: pods now at the required count, same numbers. A step-bounded scale-up
        // rightly continues; anything else must stay where it is.
        var next = scenario.Input with
        {
            CurrentPods = first.NeededPods,
            ReadyPods = first.NeededPods,
            History = first.History,
        };
        var settled = SlaScalingPolicy.Decide(scenario.Options, next);

        return again.NeededPods == first.NeededPods
            && again.Reason == first.Reason
            && again.Explanation == first.Explanation
            && (first.Reason == ScalingReason.ScaleUpBoundedByStep || settled.NeededPods == first.NeededPods);
    }

    [Property]
    public bool Decide_FailedOrMissingMetrics_NeverScalesDownNorToZero(PolicyScenario scenario)
    {
        var input = scenario.Input with { MetricsAvailable = false, ConsecutiveFailedPolls = scenario.Input.ConsecutiveFailedPolls + 1 };

        var decision = SlaScalingPolicy.Decide(scenario.Options, input);

        var expectedFloor = Math.Min(Math.Max(input.CurrentPods, scenario.Options.MinPods), scenario.Options.MaxPods);
        var fellBack = input.ConsecutiveFailedPolls >= scenario.Options.FallbackAfterFailedPolls;
        return decision.NeededPods >= expectedFloor && (!fellBack || decision.NeededPods >= 1);
    }
}
