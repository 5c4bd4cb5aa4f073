using Force12.Queues.Core.Lag;

namespace Force12.Queues.Core.Tests.Lag;

public sealed class LagTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly LagUnitId P0 = new("bulbs", "0");

    [Fact]
    public void Observe_FirstPoll_HasLagButNoRatesAndNoEstimate()
    {
        var tracker = new LagTracker(new LagTrackerOptions());

        var unit = tracker.Observe([new LagObservation(P0, 0, 100, 40)], T0).Single();

        Assert.Equal(60, unit.Lag);
        Assert.Null(unit.ArrivalRate);
        Assert.Null(unit.LagSeconds);
        Assert.Equal(TimeLagMethod.None, unit.LagSecondsMethod);
        Assert.True(tracker.NeedsExactTimestamp(P0, 40, 100));
    }

    [Fact]
    public void Observe_ExactTimestamp_IsUsedForTheAge()
    {
        var tracker = new LagTracker(new LagTrackerOptions());

        var unit = tracker.Observe([new LagObservation(P0, 0, 100, 40, T0.AddSeconds(-12))], T0).Single();

        Assert.Equal(12, unit.LagSeconds);
        Assert.Equal(TimeLagMethod.Exact, unit.LagSecondsMethod);
    }

    [Fact]
    public void Observe_CommitNotMovedSinceAnExactRead_ReusesThatTimestampWithoutAnotherRead()
    {
        var tracker = new LagTracker(new LagTrackerOptions());
        tracker.Observe([new LagObservation(P0, 0, 100, 40, T0.AddSeconds(-12))], T0);

        var needsRead = tracker.NeedsExactTimestamp(P0, 40, 100);
        var unit = tracker.Observe([new LagObservation(P0, 0, 100, 40)], T0.AddSeconds(5)).Single();

        Assert.False(needsRead);
        Assert.Equal((17.0, TimeLagMethod.Exact), (unit.LagSeconds, unit.LagSecondsMethod));
        Assert.True(tracker.NeedsExactTimestamp(P0, 41, 100)); // the commit moved below the table: read again
    }

    [Fact]
    public void Observe_SecondPoll_ComputesRatesAndEstimatesAge()
    {
        var tracker = new LagTracker(new LagTrackerOptions());
        tracker.Observe([new LagObservation(P0, 0, 100, 40)], T0);

        var unit = tracker.Observe([new LagObservation(P0, 0, 200, 120)], T0.AddSeconds(10)).Single();

        Assert.Equal(10, unit.ArrivalRate);
        Assert.Equal(8, unit.ProcessingRate);
        Assert.Equal(TimeLagMethod.Estimated, unit.LagSecondsMethod);
        Assert.Equal(8, unit.LagSeconds!.Value, 6); // offset 120 written at t=2 (100..200 over 0..10 s)
        Assert.False(tracker.NeedsExactTimestamp(P0, 120, 200));
    }

    [Fact]
    public void Observe_CommitStillWhileLagGrows_BecomesStalledAfterTheWindow()
    {
        var tracker = new LagTracker(new LagTrackerOptions { StallAfter = TimeSpan.FromSeconds(30) });
        tracker.Observe([new LagObservation(P0, 0, 100, 50)], T0);
        var early = tracker.Observe([new LagObservation(P0, 0, 150, 50)], T0.AddSeconds(20)).Single();

        var late = tracker.Observe([new LagObservation(P0, 0, 200, 50)], T0.AddSeconds(40)).Single();

        Assert.Equal(LagUnitStatus.Ok, early.Status);
        Assert.Equal(LagUnitStatus.Stalled, late.Status);
    }

    [Fact]
    public void Observe_SlowConsumerWithDeepBacklog_ReportsRawFactsAndStaysOk()
    {
        var tracker = new LagTracker(new LagTrackerOptions());
        tracker.Observe([new LagObservation(P0, 0, 1000, 0)], T0);

        var unit = tracker.Observe([new LagObservation(P0, 0, 1100, 10)], T0.AddSeconds(1)).Single();

        // 1,090 messages at 10/s: hot for a 10 s SLA, but that is decided in the policy stage from these facts.
        Assert.Equal((1090, 100, 10), (unit.Lag, unit.ArrivalRate, unit.ProcessingRate));
        Assert.Equal(LagUnitStatus.Ok, unit.Status);
    }

    [Fact]
    public void Observe_UnitsComeBackOrdered_NumericallyWithinAStream()
    {
        var tracker = new LagTracker(new LagTrackerOptions());

        var units = tracker.Observe(
            [new LagObservation(new("b", "10"), 0, 1, 1), new LagObservation(new("b", "2"), 0, 1, 1), new LagObservation(new("a", "5"), 0, 1, 1)],
            T0);

        Assert.Equal(["a[5]", "b[2]", "b[10]"], units.Select(u => u.Id.ToString()));
    }
}
