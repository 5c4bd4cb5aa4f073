using System.Text.RegularExpressions;

namespace Force12.Queues.Cli.Tests;

public sealed class Force12CliTests
{
    [Fact]
    public async Task RunAsync_Help_ListsExactlyTheRegisteredVerbs()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        var registered = Force12Cli.CreateRootCommand().Subcommands.Select(c => c.Name).Order().ToArray();
        Assert.Equal(registered, ListedVerbs(output));
    }

    [Fact]
    public async Task AgentBuild_Help_ListsLagRunAndValidateOnlyAndSaysItIsTheAgentBuild()
    {
        using var output = new StringWriter();
        var configuration = new System.CommandLine.InvocationConfiguration { Output = output, Error = TextWriter.Null };

        var exitCode = await Force12Cli.CreateAgentRootCommand().Parse(["--help"]).InvokeAsync(configuration);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(["lag", "run", "validate"], ListedVerbs(output.ToString()));
        Assert.Contains("This is the agent build", output.ToString(), StringComparison.Ordinal);
        var full = Force12Cli.CreateRootCommand().Subcommands.Select(c => c.Name).ToHashSet();
        Assert.All(Force12Cli.AgentVerbFactories, create => Assert.Contains(create().Name, full));
    }

    [Fact]
    public async Task RunAsync_UnknownVerb_ReturnsBadArgumentsAndNamesTheToken()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("no-such-verb");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("no-such-verb", error, StringComparison.Ordinal);
        Assert.Contains("force12 --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Version_PrintsAVersionAndSucceeds()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("--version");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    /// <summary>Reads the verb names from the "Commands:" section of the help text.</summary>
    private static string[] ListedVerbs(string help)
    {
        var lines = help.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "Commands:");
        if (start < 0)
        {
            return [];
        }

        return lines.Skip(start + 1)
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => Regex.Match(l, @"^\s+([a-z][a-z0-9-]*)").Groups[1].Value)
            .Where(v => v.Length > 0)
            .Order()
            .ToArray();
    }
}
