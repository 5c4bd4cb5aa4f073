using Docker.DotNet;

namespace Force12.Queues.Tools.Demo;

/// <summary>Before a Docker demo starts anything: is dockerd there, and does it have the bulbs image?</summary>
internal static class DockerImageCheck
{
    /// <summary>Null when the image is there; otherwise what is missing and how to get it.</summary>
    public static async Task<string?> ProblemAsync(string image, CancellationToken cancellationToken)
    {
        using var configuration = new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock"));
        using var client = configuration.CreateClient();
        try
        {
            await client.Images.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (DockerImageNotFoundException)
        {
            return $"the image {image} is missing: build it with scripts/build-images.sh src/Force12.Queues.Samples.Bulbs {image}";
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return $"dockerd is not reachable on /var/run/docker.sock ({e.Message}); start it (scripts/setup.sh does) or use --orchestrator process";
        }
    }
}
