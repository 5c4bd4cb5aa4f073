using System.Globalization;
using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Processes;

/// <summary>Checks <see cref="ProcessOrchestratorOptions"/> once, naming each problem by its key in <c>orchestrators.process</c>.</summary>
public static class ProcessOrchestratorOptionsValidator
{
    /// <summary>The longest <see cref="ProcessOrchestratorOptions.StopPollInterval"/>: a stop must notice an exit well within any grace period.</summary>
    public static readonly TimeSpan MaxStopPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Every problem with <paramref name="options"/>; empty when valid.</summary>
    public static IReadOnlyList<SettingProblem> Validate(ProcessOrchestratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<SettingProblem>();
        if (string.IsNullOrWhiteSpace(options.StateDirectory) || !Path.IsPathFullyQualified(options.StateDirectory))
        {
            problems.Add(new(ProcessOrchestratorKeys.StateDirectory, $"must be an absolute path (was '{options.StateDirectory}')"));
        }

        if (options.MaxParallelPodStarts < 1)
        {
            problems.Add(new(ProcessOrchestratorKeys.MaxParallelPodStarts, $"must be >= 1 (was {options.MaxParallelPodStarts})"));
        }

        if (options.StopPollInterval <= TimeSpan.Zero || options.StopPollInterval > MaxStopPollInterval)
        {
            problems.Add(new(ProcessOrchestratorKeys.StopPollInterval,
                string.Create(CultureInfo.InvariantCulture, $"must be more than 0s and at most {MaxStopPollInterval.TotalSeconds}s (was {Format(options.StopPollInterval)})")));
        }

        return problems;
    }

    private static string Format(TimeSpan value) => value.TotalMilliseconds % 1000 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds}s")
        : string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds}ms");
}
