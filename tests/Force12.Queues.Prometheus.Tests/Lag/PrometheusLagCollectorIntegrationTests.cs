using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;
using Force12.Queues.Prometheus.Lag;
using Force12.Queues.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Prometheus.Tests.Lag;

/// <summary>
/// The collector against the real Prometheus (Debian package, started by scripts/setup.sh, scraping every second) over
/// series it scrapes from an in-process <see cref="ScrapedTarget"/>; the policy turns what was read into pods.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class PrometheusLagCollectorIntegrationTests
{
    // Prometheus reloads file_sd every second and scrapes every second.
    private static readonly TimeSpan ScrapeDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CollectAsync_RequestRateOfAScrapedCounter_PolicyTurnsItIntoPods()
    {
        await using var target = await ScrapedTarget.StartAsync(requestsPerSecond: 50);
        var options = Options(target.DemandQuery) with { PerPodRate = 20 };
        using var collector = Collector(options);

        var result = await ScrapedAsync(collector, target);

        Assert.True(result.Succeeded, result.Error?.ToString());
        var demand = result.Snapshot!.Totals.ArrivalRate!.Value;
        Assert.InRange(demand, 45, 55);
        Assert.Equal(0, result.Snapshot.Totals.Lag);
        Assert.Equal(3, Decide(options, result).NeededPods); // ceil(50 / 20)
    }

    [Fact]
    public async Task CollectAsync_RequestRateAndBacklog_PolicyAppliesTheSlaRule()
    {
        await using var target = await ScrapedTarget.StartAsync(requestsPerSecond: 50, queueDepth: 3000);
        var options = Options(target.DemandQuery) with { PerPodRate = 20, BacklogQuery = target.BacklogQuery };
        using var collector = Collector(options);

        var result = await ScrapedAsync(collector, target);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.InRange(result.Snapshot.Totals.ArrivalRate!.Value, 45, 55);
        Assert.Equal(3000, result.Snapshot!.Totals.Lag);
        Assert.Equal(18, Decide(options, result).NeededPods); // ceil((3000 / 10 s + 50) / 20) = ceil(17.5)
    }

    [Fact]
    public async Task CollectAsync_QueryPrometheusRefuses_IsTheErrorWithPrometheusWords()
    {
        using var collector = Collector(Options("sum(rate(force12_test_requests_total[5s])"));

        var result = await collector.CollectAsync(default);

        Assert.False(result.Succeeded);
        Assert.Equal(LagErrorKind.Other, result.Error.Kind);
        Assert.StartsWith("query 'sum(rate(force12_test_requests_total[5s])' failed: Prometheus answered 400 (bad_data): invalid parameter \"query\": ", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("parse error", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_SeriesNobodyScrapes_IsAnErrorNotZeroDemand()
    {
        var query = $"sum(rate(force12_never_scraped_{Guid.NewGuid():N}[5s]))";
        using var collector = Collector(Options(query));

        var result = await collector.CollectAsync(default);

        Assert.False(result.Succeeded);
        Assert.Equal(LagErrorKind.StreamNotFound, result.Error.Kind);
        Assert.Contains("returned no series", result.Error.Message, StringComparison.Ordinal);
    }

    // Waits until Prometheus holds more samples of the target than rate()'s window spans (a younger series gives an
    // extrapolated, lower rate), then collects once.
    private static async Task<LagCollectionResult> ScrapedAsync(PrometheusLagCollector collector, ScrapedTarget target)
    {
        var samples = Options($"count_over_time(force12_test_requests_total{{run=\"{target.Run}\"}}[10s])");
        using var counter = new PrometheusQueryApi(samples);
        double scraped = 0;
        await Eventually.HoldsAsync(
            async () =>
            {
                try
                {
                    scraped = await counter.QueryAsync(samples.DemandQuery, default);
                }
                catch (PrometheusQueryException)
                {
                    scraped = 0; // no series until the first scrape
                }

                return scraped >= 7;
            },
            ScrapeDeadline,
            () => $"Prometheus at {ScrapedTarget.PrometheusUrl} has scraped the test target (run {target.Run}) 7 times; {scraped} so far");
        return await collector.CollectAsync(default);
    }

    private static ScalingDecision Decide(PrometheusSourceOptions options, LagCollectionResult result)
    {
        var policy = new SlaPolicyOptions { Sla = TimeSpan.FromSeconds(10), PerPodThroughputPrior = new PrometheusLagSource(options).PerPodThroughput!.Value };
        var at = result.Snapshot!.ObservedAt;
        var running = new PodInfo { Id = "p0", Pipeline = "web", State = PodState.Ready, CreatedAt = at };
        return DecisionStep.Run(policy, 1, result, [running], PipelineState.Initial, 1, at).Decision;
    }

    private static PrometheusSourceOptions Options(string demandQuery) =>
        new() { Url = ScrapedTarget.PrometheusUrl, DemandQuery = demandQuery, PerPodRate = 1, Timeout = TimeSpan.FromSeconds(5) };

    private static PrometheusLagCollector Collector(PrometheusSourceOptions options) =>
        new(options, new PrometheusQueryApi(options), TimeProvider.System, NullLogger.Instance);
}
