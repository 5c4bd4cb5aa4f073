using Microsoft.Extensions.Configuration;

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

    private static IConfiguration Configuration(string stateCache) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["BULBS_STATE_CACHE"] = stateCache }).Build();
}
