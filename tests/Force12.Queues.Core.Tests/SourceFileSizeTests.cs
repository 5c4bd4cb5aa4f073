using Force12.Queues.Testing;

namespace Force12.Queues.Core.Tests;

/// <summary>Issue 12's size rule over the whole tree: no C# source file under src/ or tests/ over 250 lines.</summary>
public sealed class SourceFileSizeTests
{
    private const int MaxLines = 250;
    private static readonly string[] Folders = ["src", "tests"];

    [Fact]
    public void NoSourceFile_IsLongerThan250Lines()
    {
        var files = Folders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !IsBuildOutput(path))
            .ToArray();
        var tooLong = files
            .Select(path => (Path: Path.GetRelativePath(RepositoryPaths.Root, path), Lines: File.ReadLines(path).Count()))
            .Where(file => file.Lines > MaxLines)
            .Select(file => $"{file.Path}: {file.Lines} lines")
            .ToArray();

        Assert.True(files.Length > 100, $"only {files.Length} source files found under {RepositoryPaths.Root}");
        Assert.True(tooLong.Length == 0, $"over {MaxLines} lines (split by role):\n{string.Join('\n', tooLong)}");
    }

    private static bool IsBuildOutput(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar);
        return parts.Contains("obj") || parts.Contains("bin");
    }
}
