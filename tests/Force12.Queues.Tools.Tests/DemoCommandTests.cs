using System.Diagnostics;
using System.Text.RegularExpressions;
using Force12.Queues.Testing;

namespace Force12.Queues.Tools.Tests;

/// <summary>
/// The README's first command, run as a user runs it: the force12 program from the CLI project's own build
/// output (where the bulbs sample is copied), as a child process with nothing but the .NET SDK.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_ShortRun_ScalesPodsUpProcessesMessagesAndLeavesNothingRunning()
    {
        var output = await RunDemoAsync();

        AssertScaledAndProcessed(output);
        Assert.Empty(RunningSamplePods(Path.Combine(Path.GetDirectoryName(CliProgram())!, "samples", "bulbs")));
    }

    [Fact]
    public async Task Demo_OnDocker_ScalesContainersAndRemovesThemAll()
    {
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(CliProgram())!, "..", "..", "..", "..", ".."));
        var build = await RunAsync("bash", [Path.Combine(root, "scripts", "build-images.sh"), Path.Combine(root, "src", "Force12.Queues.Samples.Bulbs"), "force12/bulbs:dev"], TimeSpan.FromMinutes(5));
        Assert.True(build.ExitCode == 0, $"building the bulbs image failed (is dockerd running? scripts/setup.sh starts it):\n{build.Output}");

        var output = await RunDemoAsync("--orchestrator", "docker");

        AssertScaledAndProcessed(output);
        var left = await RunAsync("docker", ["ps", "-aq", "--filter", "label=force12.pipeline=bulbs"], TimeSpan.FromMinutes(1));
        Assert.True(left.ExitCode == 0 && left.Output.Trim().Length == 0, $"containers left behind: {left.Output}");
    }

    [Fact]
    public async Task Demo_PrioritiesScenario_StaysWithinNineSlotsAndServesPriorityOneFirst()
    {
        // 50 s: the dusk spike of 12,000 bulbs peaks 40 s in, while backfill asks for more than the pool leaves it.
        var output = await RunDemoWithAsync(["--scenario", "priorities", "--duration", "50", "--bulbs", "12000"]);

        Assert.True(Number(output, @"bulbs \(priority 1[^)]*\): [\d,]+ sent, ([\d,]+) processed") > 1000, $"bulbs processed too little:\n{output}");
        Assert.True(Number(output, @"backfill \(priority 2[^)]*\): [\d,]+ sent, ([\d,]+) processed") > 100, $"backfill processed too little:\n{output}");
        var mostInUse = Number(output, @"pool: at most (\d+) of 9 slots");
        Assert.True(mostInUse is > 1 and <= 9, $"the pool of 9 was exceeded or never shared ({mostInUse} slots at most):\n{output}");
        var contention = Number(output, @"contention: (\d+) ticks");
        Assert.True(contention > 0, $"no contention in the run:\n{output}");
        Assert.Equal(contention, Number(output, @"got its whole need first in (\d+) of"));
        Assert.True(Number(output, @"yielded slots (\d+) times") >= 1, $"backfill never yielded a slot to bulbs:\n{output}");
        Assert.Empty(RunningSamplePods(Path.Combine(Path.GetDirectoryName(CliProgram())!, "samples", "bulbs")));
    }

    private static Task<string> RunDemoAsync(params string[] extra) => RunDemoWithAsync(["--duration", "35", "--bulbs", "8000", .. extra]);

    private static async Task<string> RunDemoWithAsync(string[] arguments)
    {
        var (exitCode, output) = await RunAsync("dotnet", [CliProgram(), "demo", "--port", FreePort(), .. arguments], TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, $"force12 demo exited {exitCode}:\n{output}");
        return output;
    }

    private static void AssertScaledAndProcessed(string output)
    {
        var processed = Number(output, @"messages: [\d,]+ sent, ([\d,]+) processed");
        var maxPods = Number(output, @"at most (\d+) at once");
        Assert.True(processed > 1000, $"only {processed} messages processed:\n{output}");
        Assert.True(maxPods >= 2, $"the agent never scaled past {maxPods} pod(s):\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static double Number(string output, string pattern)
    {
        var match = Regex.Match(output, pattern);
        Assert.True(match.Success, $"'{pattern}' not in the demo's output:\n{output}");
        return double.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Processes still running the demo's copy of the bulbs sample (they must all be stopped at the end).</summary>
    private static string[] RunningSamplePods(string sampleFolder) => Directory.GetDirectories("/proc")
        .Select(d => Path.Combine(d, "cmdline"))
        .Select(f => { try { return File.ReadAllText(f).Replace('\0', ' '); } catch (IOException) { return ""; } catch (UnauthorizedAccessException) { return ""; } })
        .Where(c => c.Contains(sampleFolder, StringComparison.Ordinal))
        .ToArray();

    /// <summary>force12.dll in the CLI project's build output of the same configuration as this test.</summary>
    private static string CliProgram()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Force12.Queues.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("repository root not found");
        }

        var cli = Path.Combine(root, "src", "Force12.Queues.Tools", "bin", configuration, "net10.0", "force12.dll");
        Assert.True(File.Exists(cli), $"{cli} is missing: build the solution first");
        return cli;
    }
}
