namespace Force12.Queues.Tools.Tests;

/// <summary>Runs the CLI in-process with captured output.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Force12Cli.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
