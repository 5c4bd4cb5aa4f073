using System.Text.RegularExpressions;
using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Docker;

/// <summary>Checks <see cref="DockerOrchestratorOptions"/> once, naming each problem by its key in <c>orchestrators.docker</c>.</summary>
public static partial class DockerOrchestratorOptionsValidator
{
    /// <summary>The endpoint schemes Docker.DotNet connects with.</summary>
    public static IReadOnlyList<string> Schemes { get; } = ["unix", "npipe", "tcp", "http", "https"];

    /// <summary>Every problem with <paramref name="options"/>; empty when valid.</summary>
    public static IReadOnlyList<SettingProblem> Validate(DockerOrchestratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<SettingProblem>();
        if (!options.Endpoint.IsAbsoluteUri || !Schemes.Contains(options.Endpoint.Scheme, StringComparer.Ordinal))
        {
            problems.Add(new(DockerOrchestratorKeys.Endpoint,
                $"'{options.Endpoint.OriginalString}' is not a Docker endpoint (use {string.Join(", ", Schemes.Select(s => s + "://"))}, for example unix:///var/run/docker.sock or tcp://127.0.0.1:2375)"));
        }

        if (options.MaxParallelPodStarts < 1)
        {
            problems.Add(new(DockerOrchestratorKeys.MaxParallelPodStarts, $"must be >= 1 (was {options.MaxParallelPodStarts})"));
        }

        if (!ContainerNamePrefix().IsMatch(options.ContainerNamePrefix))
        {
            problems.Add(new(DockerOrchestratorKeys.ContainerNamePrefix,
                $"'{options.ContainerNamePrefix}' cannot start a container name (a letter or digit, then letters, digits, '_', '.' or '-'; at most 32 characters)"));
        }

        return problems;
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,31}$")]
    private static partial Regex ContainerNamePrefix();
}
