using Force12.Queues.Lightbulbs.Load;
using Force12.Queues.Simulation.Traces;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Lightbulbs.Tests.Load;

public sealed class RatePacerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void DueNow_Constant1000PerSecond_IsExactEveryMillisecond()
    {
        var pacer = Started(new ConstantRate(1000, TimeSpan.FromSeconds(10)));

        for (var ms = 1; ms <= 10_000; ms++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(ms, pacer.DueNow());
        }

        Assert.True(pacer.Finished);
    }

    [Fact]
    public void DueNow_IrregularWakeUps_NeverDrift()
    {
        var pacer = Started(new ConstantRate(333, duration: null));

        foreach (var step in new[] { 7, 130, 1, 999, 2, 45, 3000, 17 })
        {
            _time.Advance(TimeSpan.FromMilliseconds(step));
        }

        // 4.201 s at 333/s = 1398.9 events
        Assert.Equal(1398, pacer.DueNow());
    }

    [Fact]
    public void DueNow_PastTheEnd_StopsAtTheTotalOfThePattern()
    {
        var pacer = Started(new ConstantRate(200, TimeSpan.FromSeconds(3)));

        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(600, pacer.DueNow());
    }

    [Fact]
    public void DueNow_Step100To500At2Seconds_IntegratesBothLevels()
    {
        var pacer = Started(StepRate.Create(100, 500, TimeSpan.FromSeconds(2), highFor: null, duration: null));

        AdvanceInSteps(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(10));
        Assert.Equal(200, pacer.DueNow());
        AdvanceInSteps(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(10));
        Assert.Equal(700, pacer.DueNow());
    }

    [Fact]
    public void DueNow_DuskSpike_AddsOneEventPerBulb()
    {
        var pacer = Started(DuskSpikeTrace.Burst(10, 5000, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)));

        AdvanceInSteps(TimeSpan.FromSeconds(4), TimeSpan.FromMilliseconds(5));

        Assert.Equal(40 + 5000, pacer.DueNow());
    }

    [Fact]
    public void UntilNext_AtTenPerSecondJustAfterAnEvent_WaitsAboutATenthOfASecondCappedAt50Ms()
    {
        var pacer = Started(new ConstantRate(10, duration: null));
        _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(1, pacer.DueNow());
        Assert.Equal(RatePacer.MaximumWait, pacer.UntilNext(sent: 1));
        _time.Advance(TimeSpan.FromMilliseconds(80));
        Assert.Equal(20, pacer.UntilNext(sent: 1).TotalMilliseconds, precision: 3);
    }

    [Fact]
    public void UntilNext_Behind_ReturnsTheMinimumWait()
    {
        var pacer = Started(new ConstantRate(1000, duration: null));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(RatePacer.MinimumWait, pacer.UntilNext(sent: 10));
    }

    private RatePacer Started(IDemandTrace rate)
    {
        var pacer = new RatePacer(rate, _time);
        pacer.Start();
        return pacer;
    }

    private void AdvanceInSteps(TimeSpan total, TimeSpan step)
    {
        for (var done = TimeSpan.Zero; done < total; done += step)
        {
            _time.Advance(step);
        }
    }
}
