using System.Net;
using System.Text.Json;

namespace Force12.Queues.Agent.Tests;

public sealed class AgentEndpointsTests
{
    [Fact]
    public async Task Healthz_WhileServing_Returns200()
    {
        await using var host = await AgentTestHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri("healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_BeforeFirstSuccessfulCollect_Returns503NamingThePipeline()
    {
        await using var host = await AgentTestHost.StartAsync();
        host.Board.Publish(SampleStatus.At(1, SampleStatus.Bulbs() with { LastSuccessfulCollectTick = null }));

        using var response = await host.Client.GetAsync(new Uri("readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("bulbs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_AfterSuccessfulCollect_Returns200()
    {
        await using var host = await AgentTestHost.StartAsync();
        host.Board.Publish(SampleStatus.At(1, SampleStatus.Bulbs()));

        using var response = await host.Client.GetAsync(new Uri("readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ApiStatus_AfterTick_ServesEveryPipelineInCamelCase()
    {
        await using var host = await AgentTestHost.StartAsync();
        host.Board.Publish(SampleStatus.At(7, SampleStatus.Bulbs(), SampleStatus.BulbState()));

        var json = await host.Client.GetStringAsync(new Uri("api/status", UriKind.Relative));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(7, root.GetProperty("tick").GetInt64());
        var bulbs = root.GetProperty("pipelines")[0];
        Assert.Equal("bulbs", bulbs.GetProperty("name").GetString());
        Assert.Equal(48_000, bulbs.GetProperty("backlogMessages").GetInt64());
        Assert.Equal(6, bulbs.GetProperty("neededPods").GetInt32());
        Assert.Equal(5, bulbs.GetProperty("targetPods").GetInt32());
        Assert.Equal("DrainBacklog", bulbs.GetProperty("reasonCode").GetString());
        Assert.Equal("bulb-state", root.GetProperty("pipelines")[1].GetProperty("name").GetString());
    }

    [Fact]
    public async Task ApiHistory_AfterATick_ReturnsOnlyLaterTicks()
    {
        await using var host = await AgentTestHost.StartAsync();
        for (var tick = 1; tick <= 3; tick++)
        {
            host.Board.Publish(SampleStatus.At(tick, SampleStatus.Bulbs()));
        }

        var json = await host.Client.GetStringAsync(new Uri("api/history?after=1", UriKind.Relative));

        using var document = JsonDocument.Parse(json);
        Assert.Equal([2L, 3L], document.RootElement.EnumerateArray().Select(s => s.GetProperty("tick").GetInt64()));
    }

    [Fact]
    public async Task Root_ServesTheLivePage()
    {
        await using var host = await AgentTestHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("api/history", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
