namespace Force12.Queues.Testing;

/// <summary>Finds files of the repository from the test's output folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder that holds Force12.Queues.sln, found upwards from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Force12.Queues.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Force12.Queues.sln not found above {AppContext.BaseDirectory}");
    }
}
