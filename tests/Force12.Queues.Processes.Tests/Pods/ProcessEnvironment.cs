namespace Force12.Queues.Processes.Tests.Pods;

/// <summary>Reads other processes' environments from /proc.</summary>
internal static class ProcessEnvironment
{
    public static int CountProcessesWith(string variable) =>
        Directory.EnumerateDirectories("/proc")
            .Where(dir => int.TryParse(Path.GetFileName(dir), out _))
            .Count(dir => ReadEnviron(dir).Contains(variable));

    private static HashSet<string> ReadEnviron(string procDir)
    {
        try
        {
            return [.. File.ReadAllText(Path.Combine(procDir, "environ")).Split('\0')];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
