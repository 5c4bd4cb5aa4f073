using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Tests.Pods;

public sealed class WarmPodStateTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly PodInfo Running = new()
    {
        Id = "bulbs-1", Pipeline = "bulbs", State = PodState.Ready, CreatedAt = Started, StartedAt = Started, ReadyAt = Started,
    };

    // Each row: seconds since start, seconds at which 'warm' and 'consume' appeared (-1: absent), expected state, ignores the contract.
    [Theory]
    [InlineData(5, -1, -1, PodState.Warm, false)]
    [InlineData(5, 3, -1, PodState.Warm, false)]
    [InlineData(90, 3, -1, PodState.Warm, false)]
    [InlineData(90, 3, 60, PodState.Ready, false)]
    [InlineData(10, -1, 8, PodState.Ready, false)]
    [InlineData(30, -1, -1, PodState.Ready, true)]
    [InlineData(90, -1, -1, PodState.Ready, true)]
    public void Of_Table_WarmUntilPromotedOrTimedOutWithoutSayingWarm(int now, int warm, int consume, PodState expected, bool ignores)
    {
        var pod = WarmPodState.Of(Running, At(warm), At(consume), Timeout, Started.AddSeconds(now));

        Assert.Equal((expected, ignores, true), (pod.State, pod.IgnoresWarmContract, pod.StartedWarm));
        Assert.Equal(expected == PodState.Warm ? null : At(consume) ?? Started, pod.ReadyAt);
    }

    private static DateTimeOffset? At(int second) => second < 0 ? null : Started.AddSeconds(second);
}
