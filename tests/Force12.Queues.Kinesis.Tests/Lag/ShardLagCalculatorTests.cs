using System.Numerics;
using Force12.Queues.Core.Lag;
using Force12.Queues.Kinesis.Lag;
using Force12.Queues.Kinesis.Leases;

namespace Force12.Queues.Kinesis.Tests.Lag;

/// <summary>The pure parts of the collector: where a scan starts, and what its figures mean.</summary>
public sealed class ShardLagCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly KinesisLagCollectorOptions Options = new() { StreamName = "bulbs", StallAfter = TimeSpan.FromSeconds(30) };

    [Fact]
    public void For_CheckpointAfterLastTip_StartsAtTheOldTipSoArrivalsAreCounted()
    {
        var history = new ShardHistory { TipKnown = true, TipSequence = 100 };

        var plan = ScanPlan.For(KclCheckpoint.At(150), KclCheckpointKind.TrimHorizon, history);

        Assert.Equal(new ScanPlan(true, new BigInteger(100), new BigInteger(150), true), plan);
    }

    [Fact]
    public void For_CheckpointBeforeLastTip_StartsAtTheCheckpoint()
    {
        var plan = ScanPlan.For(KclCheckpoint.At(50), KclCheckpointKind.TrimHorizon, new ShardHistory { TipKnown = true, TipSequence = 100 });

        Assert.Equal(new BigInteger(50), plan.StartAfter);
    }

    [Fact]
    public void Compute_BudgetExhaustedWithKnownRate_EstimatesTheRestFromTimeBehind()
    {
        var history = new ShardHistory { ObservedAt = T0, ArrivalRate = 10, LastLag = 500, LastCheckpoint = "TRIM_HORIZON" };
        var scan = new ScanResult { Counted = 200, ReachedTip = false, LastReadArrival = T0 - TimeSpan.FromSeconds(20), MillisBehindLatest = 30_000 };

        var figures = ShardLagCalculator.Compute(new ScanPlan(true, null, null, false), scan, "TRIM_HORIZON", history, Options, T0 + TimeSpan.FromSeconds(5));

        Assert.Equal(KinesisCountMethod.Estimated, figures.LagMethod);
        Assert.Equal(200 + (30 * 10), figures.Lag); // MillisBehindLatest (30 s) exceeds the last record's age (25 s)
    }

    [Fact]
    public void Compute_BudgetExhaustedWithoutRate_ReportsLowerBound()
    {
        var scan = new ScanResult { Counted = 200, ReachedTip = false, MillisBehindLatest = 30_000 };

        var figures = ShardLagCalculator.Compute(new ScanPlan(true, null, null, false), scan, null, new ShardHistory(), Options, T0);

        Assert.Equal((200L, KinesisCountMethod.LowerBound), (figures.Lag, figures.LagMethod));
        Assert.Equal((30.0, TimeLagMethod.Estimated), (figures.LagSeconds, figures.LagSecondsMethod));
    }

    [Fact]
    public void Compute_CheckpointStillWhileLagGrowsPastStallWindow_Stalled()
    {
        var history = new ShardHistory();
        var plan = new ScanPlan(true, 10, 10, true);
        ShardLagCalculator.Compute(plan, Exact(5, arrivals: null), "10", history, Options, T0);
        ShardLagCalculator.Compute(plan, Exact(8, arrivals: 3), "10", history, Options, T0 + TimeSpan.FromSeconds(20));

        var figures = ShardLagCalculator.Compute(plan, Exact(12, arrivals: 4), "10", history, Options, T0 + TimeSpan.FromSeconds(31));

        Assert.Equal(LagUnitStatus.Stalled, figures.Status);
        Assert.Equal(0, figures.ProcessingRate);
    }

    [Fact]
    public void Compute_DeepBacklog_ReportsRawLagAndLeavesHotToThePolicy()
    {
        var plan = new ScanPlan(true, 10, 10, true);

        var figures = ShardLagCalculator.Compute(plan, Exact(100, arrivals: null), "10", new ShardHistory(), Options, T0);

        Assert.Equal((100L, LagUnitStatus.Ok), (figures.Lag, figures.Status));
    }

    [Fact]
    public void Compute_ShardEnd_NothingWaitingAndCaughtUp()
    {
        var plan = ScanPlan.For(KclCheckpoint.ShardEnd, KclCheckpointKind.TrimHorizon, new ShardHistory());

        var figures = ShardLagCalculator.Compute(plan, ScanResult.Nothing, "SHARD_END", new ShardHistory(), Options, T0);

        Assert.Equal((0L, KinesisCountMethod.NothingWaiting, LagUnitStatus.CaughtUp, 0.0), (figures.Lag, figures.LagMethod, figures.Status, figures.LagSeconds));
    }

    private static ScanResult Exact(long counted, long? arrivals) =>
        new() { Counted = counted, ReachedTip = true, Arrivals = arrivals, OldestUnprocessedArrival = T0 };
}
