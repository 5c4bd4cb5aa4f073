using System.Globalization;

namespace Force12.Queues.Swarm.Tests;

/// <summary>Creates and removes the services the tests scale, with the docker command line as an operator would.</summary>
internal static class SwarmTestServices
{
    /// <summary>The label every test service carries.</summary>
    public const string TestLabel = "force12.test=swarm";

    /// <summary>
    /// Creates a replicated service of the sleep image at <paramref name="replicas"/> with <paramref name="extra"/> options
    /// and <paramref name="args"/> after the image, without waiting for its tasks.
    /// Docker's init forwards SIGTERM to sleep and a failed task restarts after 0.5 s, so tests converge quickly.
    /// </summary>
    public static Task CreateAsync(string name, int replicas = 0, string[]? extra = null, string[]? args = null) =>
        DockerCli.RunAsync(
        [
            "service", "create", "--detach", "--name", name, "--label", TestLabel,
            "--replicas", replicas.ToString(CultureInfo.InvariantCulture),
            "--init", "--stop-grace-period", "2s", "--restart-delay", "500ms",
            .. extra ?? [],
            SwarmFixture.SleepImage,
            .. args ?? [],
        ]);

    /// <summary>Removes the service if it exists.</summary>
    public static Task RemoveAsync(string name) => DockerCli.TryRunAsync("service", "rm", name);

    /// <summary>The service's replica count as the engine holds it.</summary>
    public static async Task<int> ReplicasAsync(string name) =>
        int.Parse(await DockerCli.RunAsync("service", "inspect", "--format", "{{.Spec.Mode.Replicated.Replicas}}", name), CultureInfo.InvariantCulture);

    /// <summary>How many tasks of the service run now.</summary>
    public static async Task<int> RunningTasksAsync(string name)
    {
        var states = await DockerCli.RunAsync("service", "ps", "--format", "{{.CurrentState}}", "--filter", "desired-state=running", name);
        return states.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(s => s.StartsWith("Running", StringComparison.Ordinal));
    }
}
