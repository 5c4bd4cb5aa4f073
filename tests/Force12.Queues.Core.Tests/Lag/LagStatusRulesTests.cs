using Force12.Queues.Core.Lag;

namespace Force12.Queues.Core.Tests.Lag;

public sealed class LagStatusRulesTests
{
    [Theory]
    [InlineData(false, 500, 100, 0, null, null, LagUnitStatus.NoCommit)]
    [InlineData(true, 0, 100, 0, null, null, LagUnitStatus.CaughtUp)]
    [InlineData(true, 500, 31, 100, null, null, LagUnitStatus.Stalled)]   // still for 31 s, lag grew 100 -> 500
    [InlineData(true, 500, 31, 500, null, null, LagUnitStatus.Ok)]        // still, but lag did not grow
    [InlineData(true, 500, 10, 100, null, null, LagUnitStatus.Ok)]        // growing, but not still long enough
    [InlineData(true, 500, 0, 0, 10.0, 30.0, LagUnitStatus.Hot)]          // 500 msgs at 10/s = 50 s > 30 s SLA
    [InlineData(true, 200, 0, 0, 10.0, 30.0, LagUnitStatus.Ok)]           // 20 s <= 30 s
    [InlineData(true, 500, 0, 0, null, 30.0, LagUnitStatus.Ok)]           // rate unknown: never hot
    [InlineData(true, 500, 0, 0, 10.0, null, LagUnitStatus.Ok)]           // no SLA: never hot
    [InlineData(true, 5000, 60, 100, 10.0, 30.0, LagUnitStatus.Stalled)]  // stalled wins over hot
    public void Classify_Table_AppliesRulesInPrecedence(
        bool hasCommit, long lag, double stillSeconds, long lagWhenMoved, double? rate, double? slaSeconds, LagUnitStatus expected)
    {
        var status = LagStatusRules.Classify(
            hasCommit, lag, TimeSpan.FromSeconds(stillSeconds), lagWhenMoved, TimeSpan.FromSeconds(30), rate,
            slaSeconds is { } s ? TimeSpan.FromSeconds(s) : null);

        Assert.Equal(expected, status);
    }
}
