using System.Text.RegularExpressions;
using Docker.DotNet;

namespace Force12.Queues.Swarm.Tests;

/// <summary>
/// A single-node swarm on the local engine for the real-engine tests: joins the swarm the engine is in, or initialises
/// one (<c>docker swarm init --advertise-addr 127.0.0.1</c>) and leaves it at the end (removing the <c>docker_gwbridge</c>
/// network Swarm made, unless it was there before), so the engine is left as found.
/// Builds a tiny FROM-scratch image holding <c>/bin/sleep</c> and the libraries <c>ldd</c> lists (no registry, nothing
/// pulled). Fails with a clear message when dockerd is not reachable: these tests never skip.
/// </summary>
public sealed partial class SwarmFixture : IAsyncLifetime
{
    /// <summary>The image every test service runs: <c>/bin/sleep infinity</c>.</summary>
    public const string SleepImage = "force12/swarm-sleep:test";

    /// <summary>The bridge Swarm creates for its tasks on first use; <c>docker swarm leave</c> keeps it.</summary>
    private const string GatewayBridge = "docker_gwbridge";

    private bool _initialisedSwarm;
    private bool _gatewayBridgeExisted;

    /// <summary>A client of the local engine.</summary>
    public DockerClient Client { get; } = new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock")).CreateClient();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var (exitCode, state, error) = await DockerCli.TryRunAsync("info", "--format", "{{.Swarm.LocalNodeState}}");
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                "dockerd is not reachable through the docker command. Start it first (scripts/setup.sh, or " +
                "`dockerd --iptables=false --bridge=none --storage-driver=vfs &` as root, see ENVIRONMENT.md): " + error);
        }

        if (state == "inactive")
        {
            _gatewayBridgeExisted = (await DockerCli.TryRunAsync("network", "inspect", GatewayBridge)).ExitCode == 0;
            await DockerCli.RunAsync("swarm", "init", "--advertise-addr", "127.0.0.1");
            _initialisedSwarm = true;
        }
        else if (state != "active")
        {
            throw new InvalidOperationException($"the local engine's swarm is '{state}', neither active nor inactive: cannot run the Swarm tests on it");
        }

        await BuildSleepImageAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_initialisedSwarm)
        {
            await DockerCli.RunAsync("swarm", "leave", "--force");
            if (!_gatewayBridgeExisted)
            {
                await DockerCli.TryRunAsync("network", "rm", GatewayBridge);
            }
        }

        Client.Dispose();
    }

    private static async Task BuildSleepImageAsync()
    {
        var context = Directory.CreateTempSubdirectory("force12-swarm-image-");
        try
        {
            var sleep = new FileInfo("/bin/sleep").ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? "/bin/sleep";
            var files = new List<string> { sleep };
            var ldd = await RunLddAsync(sleep);
            files.AddRange(LibraryPath().Matches(ldd).Select(m => m.Groups[1].Value).Where(File.Exists));
            foreach (var file in files.Distinct(StringComparer.Ordinal))
            {
                var target = Path.Combine(context.FullName, "rootfs", file.TrimStart('/'));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target); // follows symbolic links: the image holds the files themselves
            }

            var binary = "/" + sleep.TrimStart('/');
            await File.WriteAllTextAsync(
                Path.Combine(context.FullName, "Dockerfile"),
                $"FROM scratch\nCOPY rootfs/ /\nENTRYPOINT [\"{binary}\"]\nCMD [\"infinity\"]\n");
            await DockerCli.RunAsync("build", "--quiet", "--tag", SleepImage, context.FullName);
        }
        finally
        {
            context.Delete(recursive: true);
        }
    }

    private static async Task<string> RunLddAsync(string binary)
    {
        var start = new System.Diagnostics.ProcessStartInfo("ldd", binary) { RedirectStandardOutput = true };
        using var ldd = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("ldd did not start");
        var output = await ldd.StandardOutput.ReadToEndAsync();
        await ldd.WaitForExitAsync();
        return output;
    }

    [GeneratedRegex(@"(/\S+) \(0x", RegexOptions.Multiline)]
    private static partial Regex LibraryPath();
}
