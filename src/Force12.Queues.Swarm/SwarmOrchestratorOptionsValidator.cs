using System.Globalization;
using System.Text.RegularExpressions;
using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Swarm;

/// <summary>
/// Checks <see cref="SwarmOrchestratorOptions"/> once, naming each problem by its key in <c>orchestrators.swarm</c>, and a
/// pipeline's service name by its key in <c>pipelines.NAME.orchestrator</c>.
/// </summary>
public static partial class SwarmOrchestratorOptionsValidator
{
    /// <summary>The endpoint schemes Docker.DotNet connects with.</summary>
    public static IReadOnlyList<string> Schemes { get; } = ["unix", "npipe", "tcp", "http", "https"];

    /// <summary>Longest <see cref="SwarmOrchestratorOptions.ConvergenceTimeout"/> accepted: 1 hour.</summary>
    public static readonly TimeSpan MaximumConvergenceTimeout = TimeSpan.FromHours(1);

    /// <summary>Every problem with <paramref name="options"/>; empty when valid.</summary>
    public static IReadOnlyList<SettingProblem> Validate(SwarmOrchestratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<SettingProblem>();
        if (!options.Endpoint.IsAbsoluteUri || !Schemes.Contains(options.Endpoint.Scheme, StringComparer.Ordinal))
        {
            problems.Add(new(SwarmOrchestratorKeys.Endpoint,
                $"'{options.Endpoint.OriginalString}' is not a Docker endpoint (use {string.Join(", ", Schemes.Select(s => s + "://"))}, for example unix:///var/run/docker.sock or tcp://127.0.0.1:2375)"));
        }

        if (options.ConvergenceTimeout < TimeSpan.FromSeconds(1) || options.ConvergenceTimeout > MaximumConvergenceTimeout)
        {
            problems.Add(new(SwarmOrchestratorKeys.ConvergenceTimeout, $"must be between 1s and 1h (was {Format(options.ConvergenceTimeout)})"));
        }

        return problems;
    }

    /// <summary>The problem with a pipeline's <c>service</c> (a Swarm service name or id), or null when it can name one.</summary>
    public static SettingProblem? ValidateService(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return ServiceName().IsMatch(service)
            ? null
            : new(SwarmOrchestratorKeys.Service, $"'{service}' is not a Swarm service name or id (a letter or digit, then letters, digits, '-', '_' or '.'; at most 63 characters)");
    }

    private static string Format(TimeSpan value) => value.TotalMilliseconds % 1000 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds}s")
        : string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds}ms");

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$")]
    private static partial Regex ServiceName();
}
