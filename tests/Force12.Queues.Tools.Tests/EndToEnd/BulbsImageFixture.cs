using Docker.DotNet;
using Force12.Queues.Testing;

namespace Force12.Queues.Tools.Tests.EndToEnd;

/// <summary>
/// Connects to the real dockerd and builds the bulbs sample image once (scripts/build-images.sh: FROM scratch, no
/// registry). Fails with a clear message when dockerd is not reachable: the end-to-end test never skips.
/// </summary>
public sealed class BulbsImageFixture : IAsyncLifetime
{
    public const string Image = "force12/bulbs:e2e";

    public DockerClient Docker { get; } = new DockerClientConfiguration(DockerEndpoint).CreateClient();

    private static Uri DockerEndpoint =>
        new(Environment.GetEnvironmentVariable("FORCE12_DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock");

    public async Task InitializeAsync()
    {
        try
        {
            await Docker.System.PingAsync();
        }
        catch (Exception ex) when (ex is HttpRequestException or DockerApiException or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"dockerd is not reachable at {DockerEndpoint}: the agent end-to-end test needs it. Start it first " +
                "(scripts/setup.sh, or `dockerd --iptables=false --bridge=none --storage-driver=vfs &` as root): " + ex.Message, ex);
        }

        await SampleImages.BuildAsync("src/Force12.Queues.Samples.Bulbs", Image);
    }

    public Task DisposeAsync()
    {
        Docker.Dispose();
        return Task.CompletedTask;
    }
}
