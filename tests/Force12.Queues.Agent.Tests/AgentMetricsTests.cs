using Force12.Queues.Agent.Instrumentation;
using Prometheus;

namespace Force12.Queues.Agent.Tests;

public sealed class AgentMetricsTests
{
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();

    [Fact]
    public async Task Observe_Status_ExportsPodsBacklogRatesAndReason()
    {
        var metrics = new AgentMetrics(Metrics.WithCustomRegistry(_registry));

        metrics.Observe(SampleStatus.At(1, SampleStatus.Bulbs() with { WarmPods = 1 }));

        var text = await ExportAsync();
        Assert.Contains("force12_pipeline_needed_pods{pipeline=\"bulbs\"} 6", text, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_target_pods{pipeline=\"bulbs\"} 5", text, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_running_pods{pipeline=\"bulbs\"} 3", text, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_ready_pods{pipeline=\"bulbs\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_warm_pods{pipeline=\"bulbs\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_backlog_messages{pipeline=\"bulbs\",source=\"kafka\"} 48000", text, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_backlog_seconds{pipeline=\"bulbs\",source=\"kafka\"} 9.6", text, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_arrival_messages_per_second{pipeline=\"bulbs\",source=\"kafka\"} 1200", text, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_decision_info{pipeline=\"bulbs\",reason=\"DrainBacklog\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_sla_seconds{pipeline=\"bulbs\"} 10", text, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_priority{pipeline=\"bulbs\",priority=\"1\"} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Observe_Leadership_ExportsWhetherThisAgentActs()
    {
        var metrics = new AgentMetrics(Metrics.WithCustomRegistry(_registry));
        metrics.Observe(SampleStatus.At(1, SampleStatus.Bulbs()));
        Assert.Contains("force12_agent_leader 1", await ExportAsync(), StringComparison.Ordinal);

        metrics.Observe(SampleStatus.At(2, SampleStatus.Bulbs()) with { Leadership = new() { Enabled = true, IsLeader = false, Holder = "agent-0" } });

        Assert.Contains("force12_agent_leader 0", await ExportAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Observe_PriorityChanges_OnlyTheCurrentPriorityIsExported()
    {
        var metrics = new AgentMetrics(Metrics.WithCustomRegistry(_registry));
        metrics.Observe(SampleStatus.At(1, SampleStatus.Bulbs()));

        metrics.Observe(SampleStatus.At(2, SampleStatus.Bulbs() with { Priority = 2 }));

        var text = await ExportAsync();
        Assert.DoesNotContain("force12_pipeline_priority{pipeline=\"bulbs\",priority=\"1\"}", text, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_priority{pipeline=\"bulbs\",priority=\"2\"} 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Observe_FailedCollection_RemovesBacklogInsteadOfReportingZero()
    {
        var metrics = new AgentMetrics(Metrics.WithCustomRegistry(_registry));
        metrics.Observe(SampleStatus.At(1, SampleStatus.Bulbs()));

        metrics.Observe(SampleStatus.At(2, SampleStatus.Bulbs(backlog: null)));

        var text = await ExportAsync();
        Assert.DoesNotContain("force12_pipeline_backlog_messages{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("force12_pipeline_backlog_seconds{", text, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_target_pods{pipeline=\"bulbs\"} 5", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Observe_ReasonChanges_OnlyTheCurrentReasonIsExported()
    {
        var metrics = new AgentMetrics(Metrics.WithCustomRegistry(_registry));
        metrics.Observe(SampleStatus.At(1, SampleStatus.Bulbs(reasonCode: "DrainBacklog")));

        metrics.Observe(SampleStatus.At(2, SampleStatus.Bulbs(reasonCode: "Stabilising")));

        var text = await ExportAsync();
        Assert.DoesNotContain("reason=\"DrainBacklog\"", text, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_decision_info{pipeline=\"bulbs\",reason=\"Stabilising\"} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordScale_UpAndDown_CountsPodsPerDirection()
    {
        var metrics = new AgentMetrics(Metrics.WithCustomRegistry(_registry));

        metrics.RecordScale("bulbs", ScaleDirection.Up, 4);
        metrics.RecordScale("bulbs", ScaleDirection.Up, 1);
        metrics.RecordScale("bulbs", ScaleDirection.Down, 2);

        var text = await ExportAsync();
        Assert.Contains("force12_scale_operations_total{pipeline=\"bulbs\",direction=\"up\"} 5", text, StringComparison.Ordinal);
        Assert.Contains("force12_scale_operations_total{pipeline=\"bulbs\",direction=\"down\"} 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Observe_PerPartitionOn_ExportsEachPartitionAndDropsVanishedOnes()
    {
        var metrics = new AgentMetrics(Metrics.WithCustomRegistry(_registry), perPartition: true);
        metrics.Observe(SampleStatus.At(1, SampleStatus.Bulbs() with { Units = [Unit("bulbs", "0", 10), Unit("bulbs", "1", 20)] }));

        metrics.Observe(SampleStatus.At(2, SampleStatus.Bulbs() with { Units = [Unit("bulbs", "0", 15)] }));

        var text = await ExportAsync();
        Assert.Contains("force12_partition_backlog_messages{pipeline=\"bulbs\",stream=\"bulbs\",partition=\"0\"} 15", text, StringComparison.Ordinal);
        Assert.DoesNotContain("partition=\"1\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Observe_PerPartitionOff_ExportsNoPartitionSeries()
    {
        var metrics = new AgentMetrics(Metrics.WithCustomRegistry(_registry));

        metrics.Observe(SampleStatus.At(1, SampleStatus.Bulbs() with { Units = [Unit("bulbs", "0", 10)] }));

        Assert.DoesNotContain("force12_partition_backlog_messages{", await ExportAsync(), StringComparison.Ordinal);
    }

    private static Core.Lag.LagUnitSnapshot Unit(string stream, string partition, long lag) =>
        new() { Id = new Core.Lag.LagUnitId(stream, partition), Lag = lag, LagSeconds = 1, Status = Core.Lag.LagUnitStatus.Ok };

    [Fact]
    public async Task Observe_PipelineWithForecast_ExportsForecastBesideActualAndItsError()
    {
        var metrics = new AgentMetrics(Metrics.WithCustomRegistry(_registry));
        var forecast = new Core.Agent.ForecastStatus { Mode = "shadow", LeadSeconds = 35, RateAhead = 5_200, NeededPods = 53, LastBucketForecast = 1_900, LastBucketActual = 2_000, MapePercent = 4 };

        metrics.Observe(SampleStatus.At(1, SampleStatus.Bulbs() with { Forecast = forecast }));
        var withForecast = await ExportAsync();
        metrics.Observe(SampleStatus.At(2, SampleStatus.Bulbs()));
        var without = await ExportAsync();

        Assert.Contains("force12_pipeline_forecast_arrival_messages_per_second{pipeline=\"bulbs\"} 5200", withForecast, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_forecast_needed_pods{pipeline=\"bulbs\"} 53", withForecast, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_forecast_bucket_messages_per_second{pipeline=\"bulbs\",series=\"forecast\"} 1900", withForecast, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_forecast_bucket_messages_per_second{pipeline=\"bulbs\",series=\"actual\"} 2000", withForecast, StringComparison.Ordinal);
        Assert.Contains("force12_pipeline_forecast_error_ratio{pipeline=\"bulbs\"} 0.04", withForecast, StringComparison.Ordinal);
        Assert.DoesNotContain("force12_pipeline_forecast_needed_pods{", without, StringComparison.Ordinal);
    }

    private async Task<string> ExportAsync()
    {
        using var stream = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
