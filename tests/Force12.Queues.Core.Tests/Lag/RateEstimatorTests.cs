using Force12.Queues.Core.Lag;

namespace Force12.Queues.Core.Tests.Lag;

public sealed class RateEstimatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(100L, 200L, 10.0, 10.0)]   // 100 messages in 10 s
    [InlineData(100L, 100L, 10.0, 0.0)]    // idle
    [InlineData(200L, 100L, 10.0, null)]   // counter reset is not a rate
    [InlineData(null, 100L, 10.0, null)]   // unknown before
    [InlineData(100L, null, 10.0, null)]   // unknown now
    [InlineData(100L, 200L, 0.0, null)]    // no time passed
    [InlineData(100L, 200L, -1.0, null)]   // clock went backwards
    public void PerSecond_Table_ReturnsRateOrNull(long? before, long? after, double seconds, double? expected)
    {
        var rate = RateEstimator.PerSecond(before, T0, after, T0.AddSeconds(seconds));

        Assert.Equal(expected, rate);
    }
}
