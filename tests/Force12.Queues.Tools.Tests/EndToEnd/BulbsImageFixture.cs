using System.Diagnostics;
using Docker.DotNet;

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

        await BuildImageAsync();
    }

    public Task DisposeAsync()
    {
        Docker.Dispose();
        return Task.CompletedTask;
    }

    private static async Task BuildImageAsync()
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "scripts/build-images.sh", "src/Force12.Queues.Samples.Bulbs", Image })
        {
            start.ArgumentList.Add(arg);
        }

        using var build = Process.Start(start)!;
        var output = build.StandardOutput.ReadToEndAsync();
        var error = build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/build-images.sh could not build {Image} (exit code {build.ExitCode}):\n{await output}\n{await error}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Force12.Queues.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Force12.Queues.sln not found above {AppContext.BaseDirectory}");
    }
}
