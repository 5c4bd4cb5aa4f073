namespace Force12.Queues.Processes;

/// <summary>Finds the executable a command names: a path (absolute or relative to the working directory) or a name on PATH.</summary>
internal static class ExecutableResolver
{
    /// <summary>Full path of an existing executable file, or <c>null</c>.</summary>
    public static string? Resolve(string command, string workingDirectory)
    {
        if (command.Contains('/', StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(command, workingDirectory);
            return IsExecutable(path) ? path : null;
        }

        var searchPath = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        return searchPath.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
