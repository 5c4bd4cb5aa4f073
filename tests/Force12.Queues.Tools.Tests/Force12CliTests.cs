using System.Text.RegularExpressions;

namespace Force12.Queues.Tools.Tests;

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
    public void CreateRootCommand_OffersTheAgentsVerbs_SoForce12RunIsTheAgent()
    {
        var verbs = Force12Cli.CreateRootCommand().Subcommands.Select(c => c.Name).ToArray();

        Assert.All(AgentCli.VerbFactories, create => Assert.Contains(create().Name, verbs));
        Assert.Equal(["demo", "kafka-mock", "lag", "loadgen", "run", "simulate", "validate"], verbs);
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
