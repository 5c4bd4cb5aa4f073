using Force12.Queues.Core.Forecasting;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Tests.Scaling;

public sealed class SlaScalingPolicyForecastTests
{
    private static readonly SlaPolicyOptions Options = PolicyInputs.Options;

    [Theory]
    // mode, forecast rate, expected pods, expected reason: reactive need is 10 pods (1,000/s at 100/s per pod)
    [InlineData(ForecastMode.On, 3_000.0, 30, ScalingReason.Forecast)]
    [InlineData(ForecastMode.On, 500.0, 10, ScalingReason.WithinSla)]       // a lower forecast never removes pods
    [InlineData(ForecastMode.Shadow, 3_000.0, 10, ScalingReason.WithinSla)] // shadow only reports
    [InlineData(ForecastMode.Off, 3_000.0, 10, ScalingReason.WithinSla)]
    public void Decide_Forecast_OnlyRaisesThePodsWhenOn(ForecastMode mode, double forecastRate, int expected, ScalingReason reason)
    {
        var input = PolicyInputs.Steady(arrivals: 1_000, current: 10) with { Forecast = Forecast(mode, forecastRate) };

        var decision = SlaScalingPolicy.Decide(Options, input);

        Assert.Equal(expected, decision.NeededPods);
        Assert.Equal(reason, decision.Reason);
        Assert.Equal(mode == ForecastMode.Off ? null : (int)Math.Ceiling(forecastRate / 100), decision.ForecastNeed);
    }

    [Fact]
    public void Decide_ForecastAddsPods_ExplanationNamesTheForecastAndTheReactiveNeed()
    {
        var input = PolicyInputs.Steady(arrivals: 1_000, current: 10) with { Forecast = Forecast(ForecastMode.On, 3_000) };

        var decision = SlaScalingPolicy.Decide(Options, input);

        Assert.Equal(
            "backlog 0 msgs drains in 0 s at 30 pods; SLA 10 s; arrivals 1,000/s; forecast 3,000/s within 35 s needs 30 pods (backlog and arrivals now need 10)",
            decision.Explanation);
    }

    [Fact]
    public void Decide_ForecastFallsAfterTheSpike_PodsLeaveOnlyAfterTheStabilisationWindow()
    {
        var raised = SlaScalingPolicy.Decide(Options, PolicyInputs.Steady(arrivals: 1_000, current: 10) with { Forecast = Forecast(ForecastMode.On, 3_000) });
        var later = PolicyInputs.Steady(arrivals: 1_000, current: 30) with
        {
            At = PolicyInputs.Start.AddSeconds(10),
            History = raised.History,
            Forecast = Forecast(ForecastMode.On, 1_000),
        };
        var afterWindow = later with { At = PolicyInputs.Start.AddSeconds(31), History = SlaScalingPolicy.Decide(Options, later).History };

        Assert.Equal(30, SlaScalingPolicy.Decide(Options, later).NeededPods);
        Assert.Equal(ScalingReason.ScaleDownDeferred, SlaScalingPolicy.Decide(Options, later).Reason);
        Assert.Equal(10, SlaScalingPolicy.Decide(Options, afterWindow).NeededPods);
    }

    [Fact]
    public void Decide_ForecastAboveMaximum_IsCapped()
    {
        var input = PolicyInputs.Steady(arrivals: 1_000, current: 10) with { Forecast = Forecast(ForecastMode.On, 50_000) };

        Assert.Equal(Options.MaxPods, SlaScalingPolicy.Decide(Options, input).NeededPods);
    }

    private static PolicyForecast Forecast(ForecastMode mode, double rate) =>
        new() { Mode = mode, RatePerSecond = rate, Lead = TimeSpan.FromSeconds(35) };
}
