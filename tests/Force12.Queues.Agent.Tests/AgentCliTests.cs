using System.Text.RegularExpressions;

namespace Force12.Queues.Agent.Tests;

public sealed class AgentCliTests
{
    [Fact]
    public async Task RunAsync_Help_ListsLagRunAndValidateOnly()
    {
        using var output = new StringWriter();

        var exitCode = await AgentCli.RunAsync(["--help"], output, TextWriter.Null);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(["lag", "run", "validate"], ListedVerbs(output.ToString()));
    }

    [Fact]
    public async Task RunAsync_ToolVerb_ReturnsBadArgumentsAndPointsToTheAgentsHelp()
    {
        using var error = new StringWriter();

        var exitCode = await AgentCli.RunAsync(["demo"], TextWriter.Null, error);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("demo", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("force12-agent --help", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Reads the verb names from the "Commands:" section of the help text.</summary>
    private static string[] ListedVerbs(string help)
    {
        var lines = help.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "Commands:");
        return start < 0
            ? []
            : lines.Skip(start + 1)
                .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
                .Select(l => Regex.Match(l, @"^\s+([a-z][a-z0-9-]*)").Groups[1].Value)
                .Where(v => v.Length > 0)
                .Order()
                .ToArray();
    }
}
