using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Tests.Agent;

/// <summary>The group counts as stable (its rates may teach per-pod throughput) only once the ready pod count has held for the settle time.</summary>
public sealed class GroupStabilityTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-25T18:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly SlaPolicyOptions Settle = new() { GroupSettleTime = TimeSpan.FromSeconds(5) };
    private static readonly LagCollectionResult Failed = LagCollectionResult.Failure(new LagError
    {
        Kind = LagErrorKind.Unreachable, SourceKind = "scripted", Cluster = "test", Group = "g", Message = "down", ObservedAt = T0,
    });

    [Fact]
    public void ObserveReadyPods_SameCount_KeepsWhenItStarted()
    {
        var state = PipelineState.Initial.ObserveReadyPods(3, T0);

        var later = state.ObserveReadyPods(3, T0.AddSeconds(7));

        Assert.Equal((3, T0), (later.ReadyPods, later.ReadyPodsSince));
    }

    [Fact]
    public void ObserveReadyPods_CountChanges_RestartsTheClock()
    {
        var state = PipelineState.Initial.ObserveReadyPods(3, T0);

        var later = state.ObserveReadyPods(5, T0.AddSeconds(7));

        Assert.Equal((5, T0.AddSeconds(7)), (later.ReadyPods, later.ReadyPodsSince));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(4.9, false)]
    [InlineData(5, true)]
    [InlineData(30, true)]
    public void Map_ReadyPodsHeldFor_GroupStableOnlyAfterTheSettleTime(double heldSeconds, bool stable)
    {
        var state = PipelineState.Initial.ObserveReadyPods(2, T0);
        var at = T0.AddSeconds(heldSeconds);

        var input = PolicyInputMapper.Map(Failed, PodCounts.Of(Pods(2)), consumersPerPod: 1, state, at, Settle);

        Assert.Equal(stable, input.GroupStable);
    }

    [Fact]
    public void Map_BeforeAnyObservation_GroupIsNotStable()
    {
        var input = PolicyInputMapper.Map(Failed, PodCounts.Of(Pods(2)), consumersPerPod: 1, PipelineState.Initial, T0, Settle);

        Assert.False(input.GroupStable);
    }

    private static PodInfo[] Pods(int ready) =>
        Enumerable.Range(0, ready).Select(i => new PodInfo { Id = $"p{i}", Pipeline = "bulbs", State = PodState.Ready, CreatedAt = T0 }).ToArray();
}
