using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Tests.Scaling;

public sealed class BalancedPodsTests
{
    [Theory]
    // demand msg/s, partitions, per-pod msg/s, pods whose busiest pod keeps up
    [InlineData(6_100, 100, 100, 100)] // 61 uniform pods would leave 39 pods with 2 partitions (122 msg/s)
    [InlineData(5_000, 100, 100, 50)]  // exactly 2 partitions per pod
    [InlineData(1_667, 100, 100, 20)]  // 16.7 msg/s per partition: 5 per pod
    [InlineData(500, 64, 100, 6)]      // 12 partitions per pod at most
    [InlineData(20_000, 100, 100, 100)] // even one partition per pod is too much: all partitions
    [InlineData(0, 100, 100, 0)]
    public void For_EvenLoad_ReturnsFewestPodsWhoseBusiestPodKeepsUp(double demand, int partitions, double perPod, int expected)
    {
        Assert.Equal(expected, BalancedPods.For(demand, partitions, perPod));
    }

    [Theory]
    [InlineData(61, 100, 100, 5_000)]  // busiest pod holds 2 partitions: 100 x 100 / 2
    [InlineData(100, 100, 100, 10_000)]
    [InlineData(150, 100, 100, 10_000)] // pods beyond the partitions are idle
    [InlineData(0, 100, 100, 0)]
    public void Capacity_PodsOverPartitions_IsLimitedByBusiestPod(int pods, int partitions, double perPod, double expected)
    {
        Assert.Equal(expected, BalancedPods.Capacity(pods, partitions, perPod));
    }
}
