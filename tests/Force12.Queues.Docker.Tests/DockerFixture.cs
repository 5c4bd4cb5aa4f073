using System.Diagnostics;
using Docker.DotNet;

namespace Force12.Queues.Docker.Tests;

/// <summary>
/// Connects to the real dockerd and builds the probe image once (scripts/build-images.sh, FROM scratch, no registry).
/// Fails with a clear message when dockerd is not reachable: these tests never skip.
/// </summary>
public sealed class DockerFixture : IAsyncLifetime
{
    public const string ProbeImage = "force12/probe:test";

    public DockerClient Client { get; } = new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock")).CreateClient();

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Force12.Queues.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Force12.Queues.sln not found above " + AppContext.BaseDirectory);
        }
    }

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

        await BuildProbeImageAsync();
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        return Task.CompletedTask;
    }

    private static async Task BuildProbeImageAsync()
    {
        var root = RepositoryRoot;
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "scripts/build-images.sh", "src/Force12.Queues.Samples.Probe", ProbeImage, "--trim" })
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
                $"scripts/build-images.sh failed with exit code {build.ExitCode}:\n{await output}\n{await error}");
        }
    }
}
