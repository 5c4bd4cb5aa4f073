using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;
using Force12.Queues.Prometheus.Lag;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Prometheus.Tests.Lag;

public sealed class PrometheusLagCollectorTests
{
    private const string Demand = "sum(rate(requests_total[1m]))";
    private const string Backlog = "sum(queue_depth)";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 17, 0, 0, TimeSpan.Zero));
    private readonly ScriptedQueryApi _api = new();

    [Fact]
    public async Task CollectAsync_DemandOnly_OneUnitWithTheArrivalRateAndNoBacklog()
    {
        _api.Answers[Demand] = () => 250;

        var result = await Collector(Options()).CollectAsync(default);

        Assert.True(result.Succeeded, result.Error?.ToString());
        var unit = Assert.Single(result.Snapshot.Units);
        Assert.Equal(new LagUnitId(PrometheusLagCollector.DemandUnit, ""), unit.Id);
        Assert.Equal((0L, 250d, (double?)null, LagUnitStatus.CaughtUp), (unit.Lag, unit.ArrivalRate!.Value, unit.ProcessingRate, unit.Status));
        Assert.False(result.Snapshot.UnitsCapParallelism);
        Assert.Equal(("prometheus", "http://prom:9090/", Demand), (result.Snapshot.SourceKind, result.Snapshot.Cluster, result.Snapshot.Group));
        Assert.Equal(_time.GetUtcNow(), result.Snapshot.ObservedAt);
    }

    [Fact]
    public async Task CollectAsync_WithBacklog_FractionalBacklogRoundsUp()
    {
        _api.Answers[Demand] = () => 10;
        _api.Answers[Backlog] = () => 99.2;

        var result = await Collector(Options() with { BacklogQuery = Backlog }).CollectAsync(default);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal((100L, LagUnitStatus.Ok), (result.Snapshot.Totals.Lag, result.Snapshot.Units[0].Status));
    }

    [Fact]
    public async Task CollectAsync_HugeBacklog_Saturates()
    {
        _api.Answers[Demand] = () => 10;
        _api.Answers[Backlog] = () => 1e300;

        var result = await Collector(Options() with { BacklogQuery = Backlog }).CollectAsync(default);

        Assert.Equal(long.MaxValue, result.Snapshot!.Totals.Lag);
    }

    [Fact]
    public async Task CollectAsync_BacklogQueryFails_TheWholeCollectionFailsWithItsMessage()
    {
        _api.Answers[Demand] = () => 10;
        _api.Answers[Backlog] = () => throw new PrometheusQueryException(LagErrorKind.Other, "query 'sum(queue_depth)' failed: Prometheus answered 422 (execution): boom");

        var result = await Collector(Options() with { BacklogQuery = Backlog }).CollectAsync(default);

        Assert.False(result.Succeeded);
        Assert.Equal(LagErrorKind.Other, result.Error.Kind);
        Assert.Equal("query 'sum(queue_depth)' failed: Prometheus answered 422 (execution): boom", result.Error.Message);
        Assert.Equal(("prometheus", Demand), (result.Error.SourceKind, result.Error.Group));
    }

    [Fact]
    public async Task CollectAsync_BothQueriesFailDifferently_JoinsTheMessages()
    {
        _api.Answers[Demand] = () => throw new PrometheusQueryException(LagErrorKind.Unreachable, "a");
        _api.Answers[Backlog] = () => throw new PrometheusQueryException(LagErrorKind.StreamNotFound, "b");

        var result = await Collector(Options() with { BacklogQuery = Backlog }).CollectAsync(default);

        Assert.Equal((LagErrorKind.Other, "a; b"), (result.Error!.Kind, result.Error.Message));
    }

    [Theory]
    [InlineData(250, 0, 100, 3)] // ceil(250 / 100)
    [InlineData(200, 0, 100, 2)] // exactly two pods' worth
    [InlineData(0, 0, 100, 1)] // minPods
    [InlineData(50, 2000, 100, 3)] // ceil((2000 / 10 s + 50) / 100): the SLA rule with a backlog
    public async Task DecisionStep_DemandAndPerPodRate_PodsAreTheSlaRuleOverThePerPodRate(double demand, double backlog, double perPodRate, int pods)
    {
        _api.Answers[Demand] = () => demand;
        _api.Answers[Backlog] = () => backlog;
        var options = Options() with { BacklogQuery = Backlog, PerPodRate = perPodRate };
        var policy = new SlaPolicyOptions { Sla = TimeSpan.FromSeconds(10), PerPodThroughputPrior = new PrometheusLagSource(options).PerPodThroughput!.Value };

        var collection = await Collector(options).CollectAsync(default);
        // One pod running: from zero pods the policy activates on a backlog only (activationBacklog), not on arrivals.
        var running = new PodInfo { Id = "p0", Pipeline = "web", State = PodState.Ready, CreatedAt = _time.GetUtcNow() };
        var step = DecisionStep.Run(policy, 1, collection, [running], PipelineState.Initial, 1, _time.GetUtcNow());

        Assert.Equal((pods, perPodRate), (step.Decision.NeededPods, step.Decision.PerPodThroughput));
        Assert.Null(step.State.Throughput.PerPodMessagesPerSecond); // nothing learned: no processing rate is reported
    }

    private static PrometheusSourceOptions Options() => new() { Url = new Uri("http://prom:9090/"), DemandQuery = Demand, PerPodRate = 100 };

    private PrometheusLagCollector Collector(PrometheusSourceOptions options) => new(options, _api, _time, NullLogger.Instance);
}
