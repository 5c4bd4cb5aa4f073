using System.ComponentModel;
using System.Diagnostics;
using Force12.Queues.Testing;

namespace Force12.Queues.Agent.Tests.Stack;

/// <summary>Runs a command-line tool (promtool, docker-compose) from the repository root and captures what it printed.</summary>
internal static class ExternalTool
{
    /// <summary>What a finished tool returned.</summary>
    public sealed record Result(int ExitCode, string Output)
    {
        /// <summary>Exit code and output, for assertion messages.</summary>
        public override string ToString() => $"exit code {ExitCode}:\n{Output}";
    }

    /// <summary>
    /// Runs <paramref name="tool"/> with <paramref name="arguments"/> in the repository root; throws with
    /// <paramref name="installHint"/> when the tool is not installed, and when it runs past <paramref name="timeout"/>.
    /// </summary>
    public static async Task<Result> RunAsync(string tool, IEnumerable<string> arguments, string installHint, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed: {installHint}", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} {string.Join(' ', start.ArgumentList)} ran longer than {timeout}");
            }

            return new Result(process.ExitCode, (await stdout + await stderr).Trim());
        }
    }
}
