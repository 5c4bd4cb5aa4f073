using System.Net;
using System.Text.Json;
using Force12.Queues.Core.Leadership;

namespace Force12.Queues.Agent.Tests;

/// <summary>How a follower (leader election on, another replica leads) and a lone agent show their leadership over HTTP.</summary>
public sealed class AgentEndpointsLeadershipTests
{
    private static readonly LeadershipStatus Standby = new() { Enabled = true, IsLeader = false, Identity = "agent-1", Holder = "agent-0", LeaseName = "force12/force12-agent" };

    [Fact]
    public async Task Readyz_Standby_Returns200AndSaysWhoLeads()
    {
        await using var host = await AgentTestHost.StartAsync();
        host.Board.Publish(SampleStatus.At(1, SampleStatus.Bulbs()) with { Leadership = Standby });

        using var response = await host.Client.GetAsync(new Uri("readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready (standby: agent-0 leads; this agent decides but does not act)\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ApiStatus_Standby_ServesTheLeadership()
    {
        await using var host = await AgentTestHost.StartAsync();
        host.Board.Publish(SampleStatus.At(1, SampleStatus.Bulbs()) with { Leadership = Standby });

        using var document = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("api/status", UriKind.Relative)));
        var leadership = document.RootElement.GetProperty("leadership");

        Assert.Equal(
            (true, false, "agent-1", "agent-0", "force12/force12-agent"),
            (leadership.GetProperty("enabled").GetBoolean(), leadership.GetProperty("isLeader").GetBoolean(), leadership.GetProperty("identity").GetString(),
                leadership.GetProperty("holder").GetString(), leadership.GetProperty("leaseName").GetString()));
    }

    [Fact]
    public async Task ApiStatus_LoneAgent_ElectionOffAndLeader()
    {
        await using var host = await AgentTestHost.StartAsync();
        host.Board.Publish(SampleStatus.At(1, SampleStatus.Bulbs()));

        using var document = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("api/status", UriKind.Relative)));
        var leadership = document.RootElement.GetProperty("leadership");

        Assert.Equal((false, true), (leadership.GetProperty("enabled").GetBoolean(), leadership.GetProperty("isLeader").GetBoolean()));
    }
}
