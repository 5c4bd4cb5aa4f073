using System.Diagnostics;

namespace Force12.Queues.Swarm.Tests;

/// <summary>Runs the <c>docker</c> command line, as an operator would next to the agent.</summary>
internal static class DockerCli
{
    /// <summary>Runs <c>docker ARGS</c> and returns its standard output, trimmed; throws with its error output when it fails.</summary>
    public static async Task<string> RunAsync(params string[] args)
    {
        var (exitCode, output, error) = await TryRunAsync(args);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"docker {string.Join(' ', args)} failed (exit code {exitCode}): {error}");
    }

    /// <summary>Runs <c>docker ARGS</c> and returns its exit code and trimmed outputs.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> TryRunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var docker = Process.Start(start) ?? throw new InvalidOperationException("docker did not start");
        var output = docker.StandardOutput.ReadToEndAsync();
        var error = docker.StandardError.ReadToEndAsync();
        await docker.WaitForExitAsync();
        return (docker.ExitCode, (await output).Trim(), (await error).Trim());
    }
}
