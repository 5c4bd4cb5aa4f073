using System.Globalization;

namespace Force12.Queues.Simulation;

/// <summary>Checks a run's <see cref="SimulationOptions"/> and pipelines, reporting every problem at once.</summary>
public static class SimulationValidator
{
    /// <summary>Returns one message per problem (empty when valid), each naming the field and, for pipelines, the pipeline.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<SimulatedPipeline> pipelines, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Fail(string field, string rule, object? value) =>
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{field} {rule} (was {value})."));

        if (!(options.TickSeconds > 0 && options.TickSeconds <= 1))
        {
            Fail("SimulationOptions.TickSeconds", "must be in (0, 1] seconds", options.TickSeconds);
        }

        foreach (var (name, value) in new[]
        {
            (nameof(options.PollInterval), options.PollInterval),
            (nameof(options.SampleInterval), options.SampleInterval),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                Fail($"SimulationOptions.{name}", "must be positive", value);
            }
        }

        foreach (var (name, value) in new[]
        {
            (nameof(options.PodStartLatency), options.PodStartLatency),
            (nameof(options.PodStopLatency), options.PodStopLatency),
            (nameof(options.RebalancePause), options.RebalancePause),
        })
        {
            if (value < TimeSpan.Zero)
            {
                Fail($"SimulationOptions.{name}", "must be >= 0", value);
            }
        }

        if (options.PoolPodSlots is < 0)
        {
            Fail("SimulationOptions.PoolPodSlots", "must be >= 0 or unset", options.PoolPodSlots);
        }

        if (options.Duration is { } duration && duration <= TimeSpan.Zero)
        {
            Fail("SimulationOptions.Duration", "must be positive or unset", duration);
        }

        if (pipelines.Count == 0)
        {
            errors.Add("At least one pipeline is needed.");
        }

        foreach (var p in pipelines)
        {
            if (options.Duration is null && p.Trace is { Duration: null })
            {
                errors.Add($"pipeline '{p.Name}'.Trace: runs until stopped, so SimulationOptions.Duration must be set.");
            }

            if (p.Partitions < 1)
            {
                Fail($"pipeline '{p.Name}'.Partitions", "must be >= 1", p.Partitions);
            }

            if (!(p.PodThroughput > 0) || !double.IsFinite(p.PodThroughput))
            {
                Fail($"pipeline '{p.Name}'.PodThroughput", "must be a positive number of messages per second", p.PodThroughput);
            }

            if (!(p.ServiceTimeSeconds >= 0) || !double.IsFinite(p.ServiceTimeSeconds))
            {
                Fail($"pipeline '{p.Name}'.ServiceTimeSeconds", "must be >= 0", p.ServiceTimeSeconds);
            }

            errors.AddRange(Core.Scaling.SlaPolicyOptionsValidator.Validate(p.Policy, $"pipeline '{p.Name}'.Policy"));
        }

        return errors;
    }
}
