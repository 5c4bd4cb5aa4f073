using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Force12.Queues.Agent.Instrumentation;
using Force12.Queues.Testing;
using Prometheus;

namespace Force12.Queues.Agent.Tests;

/// <summary>
/// Every query of the shipped Grafana dashboards (grafana/*.json: the agent's and the pipeline's), evaluated by the real Prometheus that scripts/setup.sh
/// starts, against a real agent endpoint it scrapes: each must parse and return data.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class GrafanaDashboardTests
{
    private static readonly Uri PrometheusUrl = new(Environment.GetEnvironmentVariable("FORCE12_PROMETHEUS_URL") ?? "http://127.0.0.1:9090");
    private static readonly string TargetsDirectory = Environment.GetEnvironmentVariable("FORCE12_PROMETHEUS_TARGETS_DIR")
        ?? Path.Combine(RepositoryPaths.Root, ".force12", "prometheus", "targets");

    [Fact]
    public async Task Dashboard_EveryQuery_ReturnsDataFromARealPrometheus()
    {
        var pipeline = "dash-" + Guid.NewGuid().ToString("N")[..8];
        var registry = Metrics.NewCustomRegistry();
        var metrics = new AgentMetrics(Metrics.WithCustomRegistry(registry), perPartition: true);
        metrics.Observe(SampleStatus.At(1, SampleStatus.Bulbs() with { Name = pipeline, Units = [Partition(pipeline, "0", 40_000), Partition(pipeline, "1", 8_000)] }));
        metrics.RecordScale(pipeline, ScaleDirection.Up, 3);
        metrics.RecordScale(pipeline, ScaleDirection.Down, 1);
        metrics.RecordCollectorError(pipeline, "kafka");
        metrics.RecordTick(TimeSpan.FromMilliseconds(8));
        metrics.RecordPodStart(pipeline, TimeSpan.FromMilliseconds(350));
        await using var host = await AgentTestHost.StartAsync(registry);
        using var prometheus = new HttpClient { BaseAddress = PrometheusUrl };
        var targetFile = RegisterTarget(host.BaseAddress);
        try
        {
            await Eventually.HoldsAsync(
                async () => await CountAsync(prometheus, $"count_over_time(force12_pipeline_target_pods{{pipeline=\"{pipeline}\"}}[1m])") >= 3,
                TimeSpan.FromSeconds(30), () => $"Prometheus at {PrometheusUrl} has scraped the agent three times (is scripts/setup.sh running it?)");

            Assert.Contains("force12-pipeline.json", Dashboards);
            foreach (var dashboard in Dashboards)
            {
                var queries = DashboardQueries(dashboard).ToArray();
                Assert.True(queries.Length >= 9, $"the dashboard {dashboard} has only {queries.Length} queries");
                foreach (var (panel, expr) in queries)
                {
                    var query = expr.Replace("$pipeline", pipeline, StringComparison.Ordinal);
                    var results = await QueryAsync(prometheus, query);
                    Assert.True(results.GetArrayLength() > 0, $"{dashboard}: panel '{panel}' query returned no data: {query}");
                }
            }
        }
        finally
        {
            File.Delete(targetFile);
        }
    }

    /// <summary>Every dashboard the repository ships (the provisioning loads them all).</summary>
    private static IEnumerable<string> Dashboards =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "grafana"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    private static Core.Lag.LagUnitSnapshot Partition(string stream, string partition, long lag) =>
        new() { Id = new Core.Lag.LagUnitId(stream, partition), Lag = lag, LagSeconds = 9.6, Status = Core.Lag.LagUnitStatus.Ok };

    private static IEnumerable<(string Panel, string Expr)> DashboardQueries(string file)
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "grafana", file)))!;
        foreach (var panel in dashboard["panels"]!.AsArray())
        {
            foreach (var target in panel!["targets"]!.AsArray())
            {
                yield return (panel["title"]!.GetValue<string>(), target!["expr"]!.GetValue<string>());
            }
        }
    }

    private static string RegisterTarget(Uri agent)
    {
        if (!Directory.Exists(TargetsDirectory))
        {
            throw new InvalidOperationException($"Prometheus target folder {TargetsDirectory} does not exist: run scripts/setup.sh first.");
        }

        var path = Path.Combine(TargetsDirectory, $"test-{Guid.NewGuid():N}.json");
        var target = new[] { new { targets = new[] { agent.Authority }, labels = new Dictionary<string, string> { ["source"] = "dashboard-test" } } };
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(target));
        File.Move(path + ".tmp", path);
        return path;
    }

    private static async Task<double> CountAsync(HttpClient prometheus, string query)
    {
        var results = await QueryAsync(prometheus, query);
        return results.GetArrayLength() == 0 ? 0 : double.Parse(results[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> QueryAsync(HttpClient prometheus, string query)
    {
        string body;
        try
        {
            body = await prometheus.GetStringAsync(new Uri("/api/v1/query?query=" + Uri.EscapeDataString(query), UriKind.Relative));
        }
        catch (HttpRequestException e)
        {
            throw new InvalidOperationException($"Prometheus query failed ({PrometheusUrl}; run scripts/setup.sh): {query}", e);
        }

        using var document = JsonDocument.Parse(body);
        Assert.Equal("success", document.RootElement.GetProperty("status").GetString());
        return document.RootElement.GetProperty("data").GetProperty("result").Clone();
    }
}
