using System.Net;
using System.Net.Sockets;
using Force12.Queues.Lightbulbs.Events;
using Force12.Queues.Lightbulbs.State;

namespace Force12.Queues.Lightbulbs.Tests.State;

public sealed class BulbStateCacheTests
{
    [Fact]
    public async Task ApplyAsync_OverTcp_ReportsWhichEventsChangedTheState()
    {
        await using var server = new BulbStateCacheServer(new IPEndPoint(IPAddress.Loopback, 0));
        server.Start();
        using var client = new BulbStateCacheClient(server.Endpoint);

        var changed = await client.ApplyAsync([Event(1, true, 50), Event(1, true, 50), Event(2, false, 0), Event(1, false, 0)], default);

        Assert.Equal([true, false, true, true], changed);
        Assert.Equal(new BulbState(false, 0), server.Get(1));
        Assert.Equal(2, server.Count);
        Assert.Equal(4, server.Updates);
    }

    [Fact]
    public async Task ApplyAsync_OverAUnixSocketWithALargePipelinedBatch_AnswersEveryRequest()
    {
        var path = Path.Combine(Path.GetTempPath(), $"f12-{Guid.NewGuid():N}.sock");
        await using var server = new BulbStateCacheServer(StateCacheEndpoint.Parse("unix:" + path));
        server.Start();
        using var client = new BulbStateCacheClient(server.Endpoint);
        var events = Enumerable.Range(0, 5000).Select(i => Event(i % 100, i % 3 == 0, (byte)(i % 101))).ToArray();

        var changed = await client.ApplyAsync(events, default);

        Assert.Equal(5000, changed.Length);
        Assert.Equal(100, server.Count);
    }

    [Fact]
    public async Task ApplyAsync_NothingListening_ThrowsIOExceptionNamingTheEndpoint()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var endpoint = (IPEndPoint)probe.LocalEndpoint;
        probe.Stop();
        using var client = new BulbStateCacheClient(endpoint);

        var error = await Assert.ThrowsAsync<IOException>(() => client.ApplyAsync([Event(1, true, 1)], default));

        Assert.Contains(endpoint.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tcp:127.0.0.1:7070", "127.0.0.1:7070")]
    [InlineData("unix:../state.sock", "../state.sock")]
    public void Parse_BothForms_GiveTheEndpoint(string text, string expected) =>
        Assert.Equal(expected, StateCacheEndpoint.Parse(text).ToString());

    [Theory]
    [InlineData("127.0.0.1:7070")]
    [InlineData("tcp:localhost")]
    [InlineData("unix:")]
    public void Parse_Bad_ThrowsShowingTheForms(string text)
    {
        var error = Assert.Throws<FormatException>(() => StateCacheEndpoint.Parse(text));

        Assert.Contains("tcp:HOST:PORT", error.Message, StringComparison.Ordinal);
    }

    private static LightbulbEvent Event(int bulb, bool on, byte brightness) => new()
    {
        Sequence = 0, BulbId = bulb, HomeId = 0, On = on, Brightness = brightness, EventTime = DateTimeOffset.UnixEpoch,
    };
}
