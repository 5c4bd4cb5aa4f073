using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Prometheus.Lag;
using Force12.Queues.Testing.Pods;
using Microsoft.Extensions.Configuration;

namespace Force12.Queues.Prometheus.Tests.Lag;

public sealed class PrometheusLagSourceProviderTests
{
    [Fact]
    public void Read_FullSettings_BuildsTheOptions()
    {
        var (source, errors) = Read(new()
        {
            ["kind"] = "prometheus",
            ["url"] = "http://prom:9090/prometheus/",
            ["demandQuery"] = "sum(rate(http_requests_total[1m]))",
            ["perPodRate"] = "12.5",
            ["backlogQuery"] = "sum(queue_depth)",
            ["timeout"] = "2s",
        });

        Assert.Empty(errors);
        var prometheus = Assert.IsType<PrometheusLagSource>(source);
        Assert.Equal(new Uri("http://prom:9090/prometheus/"), prometheus.Options.Url);
        Assert.Equal(("sum(rate(http_requests_total[1m]))", 12.5, "sum(queue_depth)"), (prometheus.Options.DemandQuery, prometheus.Options.PerPodRate, prometheus.Options.BacklogQuery));
        Assert.Equal(TimeSpan.FromSeconds(2), prometheus.Options.Timeout);
        Assert.Equal(12.5, prometheus.PerPodThroughput);
    }

    [Fact]
    public void Read_RequiredOnly_UsesLocalDefaults()
    {
        var (source, errors) = Read(new() { ["kind"] = "prometheus", ["demandQuery"] = "vector(1)", ["perPodRate"] = "5" });

        Assert.Empty(errors);
        var options = Assert.IsType<PrometheusLagSource>(source).Options;
        Assert.Equal((new Uri("http://127.0.0.1:9090/"), (string?)null, TimeSpan.FromSeconds(5)), (options.Url, options.BacklogQuery, options.Timeout));
    }

    [Fact]
    public void Read_BadSettings_ReportsEveryErrorWithItsPath()
    {
        var (source, errors) = Read(new() { ["kind"] = "prometheus", ["url"] = "ftp://x", ["timeout"] = "soon", ["perPodRate"] = "-1", ["query"] = "typo" });

        Assert.Null(source);
        Assert.Equal(
        [
            "pipelines.p.source.query: unknown setting (known here: kind, url, demandQuery, perPodRate, backlogQuery, timeout)",
            "pipelines.p.source.url: 'ftp://x' is not an absolute http or https URL",
            "pipelines.p.source.perPodRate: must be greater than 0 (was -1)",
            "pipelines.p.source.timeout: 'soon' is not a duration (use a number with ms, s, m or h, for example 10s)",
            "pipelines.p.source.demandQuery: is required: PromQL giving the arrival rate per second, for example sum(rate(http_requests_total[1m]))",
        ], errors);
    }

    [Fact]
    public void Validate_BlankBacklogQueryAndZeroTimeout_NamesEachKey()
    {
        var options = new PrometheusSourceOptions { DemandQuery = "vector(1)", PerPodRate = 1, BacklogQuery = " ", Timeout = TimeSpan.Zero };

        Assert.Equal(["backlogQuery: must not be empty (leave it out when there is no backlog)", "timeout: must be positive (was 0s)"], options.Validate());
    }

    [Fact]
    public void Read_PerPodRateMissing_IsRequired()
    {
        var (source, errors) = Read(new() { ["kind"] = "prometheus", ["demandQuery"] = "vector(1)" });

        Assert.Null(source);
        Assert.Equal(["pipelines.p.source.perPodRate: is required: what one pod handles per second, a number > 0"], errors);
    }

    [Fact]
    public void AgentReader_PerPodRate_BecomesThePipelinesThroughputAndPerPodThroughputBesideItIsRejected()
    {
        var good = ReadAgent(perPodThroughput: null);
        var bad = ReadAgent(perPodThroughput: "50");

        Assert.Empty(good.Errors);
        Assert.Equal(20, good.Configuration!.Pipelines[0].Policy.PerPodThroughputPrior);
        Assert.Contains("pipelines.web.perPodThroughput: must not be set with source kind 'prometheus': its own per-pod rate is the throughput", bad.Errors);
    }

    private static ConfigurationResult ReadAgent(string? perPodThroughput)
    {
        var values = new Dictionary<string, string?>
        {
            ["capacity:podSlots"] = "4",
            ["pipelines:web:sla"] = "10s",
            ["pipelines:web:source:kind"] = "prometheus",
            ["pipelines:web:source:demandQuery"] = "sum(rate(http_requests_total[1m]))",
            ["pipelines:web:source:perPodRate"] = "20",
            ["pipelines:web:orchestrator"] = "fake",
            ["pipelines:web:pod:containers:0:name"] = "main",
            ["pipelines:web:pod:containers:0:command"] = "sleep",
        };
        if (perPodThroughput is not null)
        {
            values["pipelines:web:perPodThroughput"] = perPodThroughput;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new AgentConfigurationReader(
            [new PrometheusLagSourceProvider()],
            [new InstancePodOrchestratorProvider(new FakePodOrchestrator(TimeProvider.System, "fake"))]).Read(configuration);
    }

    private static (ILagSource? Source, List<string> Errors) Read(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.Select(kv => KeyValuePair.Create("source:" + kv.Key, kv.Value))).Build();
        var errors = new List<string>();
        var provider = new PrometheusLagSourceProvider();
        var settings = new SectionReader(configuration.GetSection("source"), "pipelines.p.source", errors);
        settings.RejectUnknown(provider.Keys); // as the agent's reader does before Read
        var source = provider.Read(settings);
        return (source, errors);
    }
}
