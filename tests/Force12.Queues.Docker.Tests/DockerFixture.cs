using Docker.DotNet;
using Force12.Queues.Testing;

namespace Force12.Queues.Docker.Tests;

/// <summary>
/// Connects to the real dockerd and builds the probe image once (scripts/build-images.sh, FROM scratch, no registry).
/// Fails with a clear message when dockerd is not reachable: these tests never skip.
/// </summary>
public sealed class DockerFixture : IAsyncLifetime
{
    public const string ProbeImage = "force12/probe:test";

    public DockerClient Client { get; } = new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock")).CreateClient();

    public async Task InitializeAsync()
    {
        try
        {
            await Client.System.PingAsync();
        }
        catch (Exception ex) when (ex is HttpRequestException or DockerApiException or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                "dockerd is not reachable at unix:///var/run/docker.sock. Start it first (scripts/setup.sh, or " +
                "`dockerd --iptables=false --bridge=none --storage-driver=vfs &` as root, see ENVIRONMENT.md): " + ex.Message, ex);
        }

        await SampleImages.BuildAsync("src/Force12.Queues.Samples.Probe", ProbeImage, trim: true);
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        return Task.CompletedTask;
    }
}
