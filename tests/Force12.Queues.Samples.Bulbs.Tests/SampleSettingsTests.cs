using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Force12.Queues.Samples.Bulbs.Tests;

public sealed class SampleSettingsTests
{
    [Fact]
    public void Text_PodPlaceholder_IsReplacedByThePodName()
    {
        var settings = new SampleSettings(Configuration("unix:/run/force12/{pod}.sock"), pod: "bulbs-3f9c2a1b7d");

        Assert.Equal("unix:/run/force12/bulbs-3f9c2a1b7d.sock", settings.Text("BULBS_STATE_CACHE"));
    }

    [Fact]
    public void Text_NoPodName_LeavesTheValueAsWritten()
    {
        var settings = new SampleSettings(Configuration("unix:../state.sock"));

        Assert.Equal("unix:../state.sock", settings.Text("BULBS_STATE_CACHE"));
    }

    [Fact]
    public async Task AddTo_WithADownstream_RegistersMassTransitWithoutUsageTelemetry()
    {
        var services = new ServiceCollection();
        new DownstreamSettings(null, "amqp://guest:guest@127.0.0.1:5672/", "bulb-state", null).AddTo(services);

        await using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetService<ISendEndpointProvider>());
        Assert.False(provider.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }

    private static IConfiguration Configuration(string stateCache) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["BULBS_STATE_CACHE"] = stateCache }).Build();
}
