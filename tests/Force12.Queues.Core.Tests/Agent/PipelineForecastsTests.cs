using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Forecasting;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;
using Force12.Queues.Testing.Lag;

namespace Force12.Queues.Core.Tests.Agent;

/// <summary>The loop's forecasts: a day of history with a spike at 18:00 raises the pods before the next day's spike.</summary>
public sealed class PipelineForecastsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ForecastMode.On, 7, ScalingReason.Forecast)]
    [InlineData(ForecastMode.Shadow, 2, ScalingReason.WithinSla)]
    public void Next_DayWithASpikeAt1800_NextDayRaisesPodsBeforeTheSpikeOnlyWhenOn(ForecastMode mode, int expectedPods, ScalingReason expectedReason)
    {
        var pipeline = Pipeline(mode);
        var forecasts = new PipelineForecasts([pipeline]);
        var pods = new[] { Pod(startSeconds: 4) };
        var beforeSpike = Start.AddDays(1).AddHours(18).AddSeconds(-20);
        for (var at = Start; at < beforeSpike; at = at.AddSeconds(10))
        {
            forecasts.Next(pipeline.Name, Collection(RateAt(at), at), pods, at);
        }

        var forecast = forecasts.Next(pipeline.Name, Collection(1_000, beforeSpike), pods, beforeSpike);
        var step = DecisionStep.Run(pipeline.Policy, 1, Collection(1_000, beforeSpike), [Pod(4, 0), Pod(4, 1)], PipelineState.Initial, 1, beforeSpike, forecast);
        var status = forecasts.StatusOf(pipeline.Name, step.Decision)!;

        Assert.NotNull(forecast);
        Assert.Equal(TimeSpan.FromSeconds(34), forecast.Lead); // the measured 4 s start plus the 30 s margin
        Assert.InRange(forecast.RatePerSecond, 3_000, 5_000);
        Assert.Equal(expectedPods, step.Decision.NeededPods);
        Assert.Equal(expectedReason, step.Decision.Reason);
        Assert.Equal(7, status.NeededPods); // 3,200/s at 500/s per pod over 20 partitions: 3 partitions a pod
        Assert.InRange(status.MapePercent!.Value, 0, 1);
    }

    [Fact]
    public void Next_AfterRestartWithHistoryFile_ForecastsTheSpikeAtOnce()
    {
        var file = Path.Combine(Path.GetTempPath(), $"force12-forecast-{Guid.NewGuid():N}.history");
        try
        {
            var pipeline = Pipeline(ForecastMode.On) with { Forecast = new ForecastOptions { Mode = ForecastMode.On, HistoryFile = file } };
            var first = new PipelineForecasts([pipeline]);
            var endOfDay = Start.AddDays(1);
            for (var at = Start; at <= endOfDay; at = at.AddSeconds(10))
            {
                first.Next(pipeline.Name, Collection(RateAt(at), at), [], at);
            }

            var restarted = new PipelineForecasts([pipeline]);
            var beforeSpike = Start.AddDays(1).AddHours(18).AddSeconds(-20);
            var forecast = restarted.Next(pipeline.Name, Collection(1_000, beforeSpike), [Pod(4)], beforeSpike);

            Assert.NotNull(forecast);
            Assert.InRange(forecast.RatePerSecond, 3_000, 5_000);
            Assert.Null(restarted.StatusOf(pipeline.Name, SlaScalingPolicy.Decide(pipeline.Policy, new PolicyInput { At = beforeSpike }))!.HistoryError);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Next_ForecastOff_ReturnsNullAndNoStatus()
    {
        var pipeline = Pipeline(ForecastMode.Off);
        var forecasts = new PipelineForecasts([pipeline]);

        Assert.Null(forecasts.Next(pipeline.Name, Collection(1_000, Start), [], Start));
        Assert.Null(forecasts.StatusOf(pipeline.Name, SlaScalingPolicy.Decide(pipeline.Policy, new PolicyInput { At = Start })));
    }

    private static double RateAt(DateTimeOffset at) => at.TimeOfDay >= TimeSpan.FromHours(18) && at.TimeOfDay < TimeSpan.FromHours(18.2) ? 4_000 : 1_000;

    private static LagCollectionResult Collection(double arrivalRate, DateTimeOffset at)
    {
        var units = Enumerable.Range(0, 20)
            .Select(p => new LagUnitSnapshot { Id = new LagUnitId("t", $"{p}"), Lag = 0, ArrivalRate = arrivalRate / 20, ProcessingRate = arrivalRate / 20, Status = LagUnitStatus.CaughtUp })
            .ToArray();
        return LagCollectionResult.Success(new LagSnapshot { SourceKind = "scripted", Cluster = "test", Group = "g", ObservedAt = at, Units = units, Totals = LagTotals.Sum(units) });
    }

    private static PodInfo Pod(int startSeconds, int index = 0) => new()
    {
        Id = $"p{index}",
        Pipeline = "bulbs",
        State = PodState.Ready,
        CreatedAt = Start,
        StartedAt = Start.AddSeconds(startSeconds),
    };

    private static PipelineConfiguration Pipeline(ForecastMode mode) => new()
    {
        Name = "bulbs",
        Policy = new SlaPolicyOptions { Sla = TimeSpan.FromSeconds(10), MinPods = 1, MaxPods = 20, PerPodThroughputPrior = 500 },
        Forecast = new ForecastOptions { Mode = mode },
        Source = new ScriptedLagSource(),
        OrchestratorKind = "memory",
        Pod = new PodTemplate { Pipeline = "bulbs", Containers = [new ContainerTemplate { Name = "main", Command = "true" }] },
    };
}
