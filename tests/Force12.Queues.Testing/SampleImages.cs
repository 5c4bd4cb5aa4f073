using System.Diagnostics;

namespace Force12.Queues.Testing;

/// <summary>Builds a sample's container image with scripts/build-images.sh (FROM scratch: no registry, nothing pulled).</summary>
public static class SampleImages
{
    /// <summary>
    /// Publishes <paramref name="project"/> (a path from the repository root, for example <c>src/Force12.Queues.Samples.Probe</c>)
    /// and builds it as <paramref name="image"/>, trimmed when <paramref name="trim"/>; throws with the script's output when it fails.
    /// <paramref name="cancellationToken"/> stops waiting for the script (it is not killed).
    /// </summary>
    public static async Task BuildAsync(string project, string image, bool trim = false, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "scripts/build-images.sh", project, image }.Concat(trim ? ["--trim"] : Array.Empty<string>()))
        {
            start.ArgumentList.Add(arg);
        }

        using var build = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = build.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = build.StandardError.ReadToEndAsync(cancellationToken);
        await build.WaitForExitAsync(cancellationToken);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/build-images.sh could not build {image} (exit code {build.ExitCode}):\n{await output}\n{await error}");
        }
    }
}
