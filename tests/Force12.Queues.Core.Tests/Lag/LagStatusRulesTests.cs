using Force12.Queues.Core.Lag;

namespace Force12.Queues.Core.Tests.Lag;

public sealed class LagStatusRulesTests
{
    [Theory]
    [InlineData(false, 500, 100, 0, LagUnitStatus.NoCommit)]
    [InlineData(true, 0, 100, 0, LagUnitStatus.CaughtUp)]
    [InlineData(true, 500, 31, 100, LagUnitStatus.Stalled)]     // still for 31 s, lag grew 100 -> 500
    [InlineData(true, 500, 31, 500, LagUnitStatus.Ok)]          // still, but lag did not grow
    [InlineData(true, 500, 10, 100, LagUnitStatus.Ok)]          // growing, but not still long enough
    [InlineData(true, 5_000_000, 0, 0, LagUnitStatus.Ok)]       // any backlog: whether it is hot is the policy stage's call
    [InlineData(false, 5000, 60, 100, LagUnitStatus.NoCommit)]  // no commit wins over stalled
    public void Classify_Table_AppliesRulesInPrecedence(bool hasCommit, long lag, double stillSeconds, long lagWhenMoved, LagUnitStatus expected)
    {
        var status = LagStatusRules.Classify(hasCommit, lag, TimeSpan.FromSeconds(stillSeconds), lagWhenMoved, TimeSpan.FromSeconds(30));

        Assert.Equal(expected, status);
    }
}
