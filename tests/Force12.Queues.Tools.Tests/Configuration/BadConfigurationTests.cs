namespace Force12.Queues.Tools.Tests.Configuration;

/// <summary>
/// Acceptance over the files in BadConfigs: <c>force12 validate</c> on each exits 2 and prints exactly the messages in the
/// file beside it (<c>NAME.expected</c>, one whole message a line, <c>{file}</c> standing for the file's path): the path as
/// written in YAML or JSON and the problem, or for a syntax error the file, line and column.
/// </summary>
public sealed class BadConfigurationTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Configuration", "BadConfigs");

    public static TheoryData<string> Files => new(BadFiles());

    [Fact]
    public void Folder_HoldsAtLeastThirtyBadFilesEachWithItsExpectedMessages()
    {
        var files = BadFiles();

        Assert.True(files.Length >= 30, $"only {files.Length} bad configuration files");
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(Folder, f + ".expected")), $"{f}.expected is missing"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Validate_BadFile_PrintsExactlyTheExpectedMessagesAndExits2(string name)
    {
        var path = Path.Combine(Folder, name);
        var expected = File.ReadAllLines(path + ".expected")
            .Where(line => line.Length > 0)
            .Select(line => line.Replace("{file}", path, StringComparison.Ordinal))
            .ToArray();

        var (exitCode, _, error) = await CliRunner.RunAsync("validate", "-c", path);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Equal(
            [$"{path}: {expected.Length} error(s)", .. expected.Select(message => $"  {message}")],
            error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string[] BadFiles() => Directory.GetFiles(Folder)
        .Where(f => !f.EndsWith(".expected", StringComparison.Ordinal))
        .Select(f => Path.GetFileName(f))
        .Order(StringComparer.Ordinal)
        .ToArray();
}
