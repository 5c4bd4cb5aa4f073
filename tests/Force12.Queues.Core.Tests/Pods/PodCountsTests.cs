using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Tests.Pods;

public sealed class PodCountsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_EveryState_CountsEachOnceAndDerivesTheMeanings()
    {
        PodState[] states = [PodState.Starting, PodState.Running, PodState.Ready, PodState.Ready, PodState.Stopping, PodState.Exited, PodState.Exited, PodState.Warm];

        var counts = PodCounts.Of(states.Select((s, i) => new PodInfo { Id = $"p{i}", Pipeline = "bulbs", State = s, CreatedAt = T0 }));

        Assert.Equal(new PodCounts(Starting: 1, Running: 1, Ready: 2, Stopping: 1, Exited: 2) { Warm = 1 }, counts);
        Assert.Equal((4, 3, 5), (counts.Current, counts.ContainersRunning, counts.CapacityUsed));
    }
}
