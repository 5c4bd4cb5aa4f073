using Force12.Queues.Core.Agent;

namespace Force12.Queues.Keda.Tests;

/// <summary>
/// The metric the scaler serves (<see cref="KedaMetric"/>: the agent's target pods, against a target of 1 per pod) put
/// through the HPA's AverageValue formula for every current count from 1 to 20 and every wanted count from 1 to 40: the
/// HPA lands on the agent's count, except where its tolerance holds it (documented in docs/keda.md).
/// </summary>
public sealed class HpaAverageValueTests
{
    public static TheoryData<int> CurrentReplicas => [.. Enumerable.Range(1, 20)];

    [Theory]
    [MemberData(nameof(CurrentReplicas))]
    public void Desired_WithoutTolerance_IsTheAgentsCountForEveryCurrentCount(int current)
    {
        foreach (var wanted in Enumerable.Range(1, 40))
        {
            var metric = KedaMetric.ValueOf(Status(wanted));

            Assert.Equal(wanted, HorizontalPodAutoscalerModel.Desired(current, metric, KedaMetric.TargetPerPod, tolerance: 0));
        }
    }

    [Theory]
    [MemberData(nameof(CurrentReplicas))]
    public void Desired_DefaultTolerance_IsTheAgentsCountOutsideTheTenPercentBand(int current)
    {
        foreach (var wanted in Enumerable.Range(1, 40))
        {
            var desired = HorizontalPodAutoscalerModel.Desired(current, KedaMetric.ValueOf(Status(wanted)), KedaMetric.TargetPerPod);

            // Within 10% of the current count the HPA keeps it: below 10 replicas that never hides a change of a pod.
            var held = Math.Abs(((double)wanted / current) - 1.0) <= HorizontalPodAutoscalerModel.DefaultTolerance;
            Assert.True(desired == (held ? current : wanted), $"current {current}, wanted {wanted}: the HPA wants {desired}");
            Assert.True(current >= 10 || !held || wanted == current, $"current {current}, wanted {wanted}: held below 10 replicas");
        }
    }

    [Fact]
    public void IsActive_FollowsTheTargetPods()
    {
        Assert.False(KedaMetric.IsActive(Status(0)));
        Assert.True(KedaMetric.IsActive(Status(1)));
        Assert.Equal(0, KedaMetric.ValueOf(Status(-1)));
    }

    private static PipelineStatus Status(int targetPods) => new() { Name = "bulbs", SourceKind = "kafka", TargetPods = targetPods, NeededPods = targetPods };
}
