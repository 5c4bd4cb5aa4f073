using Force12.Queues.Core.Lag;

namespace Force12.Queues.Core.Tests.Lag;

public sealed class BacklogMathTests
{
    [Theory]
    [InlineData(0, 100, 40L, OffsetResetPolicy.Earliest, 60)]      // plain lag
    [InlineData(0, 100, 100L, OffsetResetPolicy.Earliest, 0)]      // caught up
    [InlineData(0, 100, 150L, OffsetResetPolicy.Earliest, 0)]      // committed ahead of a stale log end: never negative
    [InlineData(30, 100, null, OffsetResetPolicy.Earliest, 70)]    // no commit, earliest: log end - log start
    [InlineData(30, 100, null, OffsetResetPolicy.Latest, 0)]       // no commit, latest: nothing to do
    [InlineData(30, 100, 10L, OffsetResetPolicy.Earliest, 70)]     // head deleted below the commit: only what remains
    [InlineData(0, 0, null, OffsetResetPolicy.Earliest, 0)]        // empty partition
    public void Lag_Table_MatchesDefinition(long start, long end, long? committed, OffsetResetPolicy policy, long expected)
    {
        Assert.Equal(expected, BacklogMath.Lag(start, end, committed, policy));
    }

    [Theory]
    [InlineData(30, 100, 10L, OffsetResetPolicy.Earliest, 30)]
    [InlineData(30, 100, null, OffsetResetPolicy.Latest, 100)]
    [InlineData(30, 100, 55L, OffsetResetPolicy.Latest, 55)]
    public void NextToProcess_Table_IsClampedToTheRetainedLog(long start, long end, long? committed, OffsetResetPolicy policy, long expected)
    {
        Assert.Equal(expected, BacklogMath.NextToProcess(start, end, committed, policy));
    }
}
