using System.Globalization;

namespace Force12.Queues.Core.Scaling;

/// <summary>Checks <see cref="SlaPolicyOptions"/> and reports every problem at once, each naming its field.</summary>
public static class SlaPolicyOptionsValidator
{
    /// <summary>Returns one message per invalid field (empty when valid), each prefixed with <paramref name="path"/>.</summary>
    /// <param name="options">The options to check.</param>
    /// <param name="path">Where the options live in configuration, for example <c>pipelines:lights:scaling</c>.</param>
    public static IReadOnlyList<string> Validate(SlaPolicyOptions options, string path = nameof(SlaPolicyOptions))
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Fail(string field, string rule, object value) =>
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.{field} {rule} (was {value})."));

        if (options.Sla <= TimeSpan.Zero)
        {
            Fail(nameof(options.Sla), "must be positive", options.Sla);
        }

        if (options.MinPods < 0)
        {
            Fail(nameof(options.MinPods), "must be >= 0", options.MinPods);
        }

        if (options.MaxPods < 1 || options.MaxPods < options.MinPods)
        {
            Fail(nameof(options.MaxPods), $"must be >= 1 and >= MinPods ({options.MinPods})", options.MaxPods);
        }

        if (!(options.PerPodThroughputPrior > 0) || double.IsInfinity(options.PerPodThroughputPrior))
        {
            Fail(nameof(options.PerPodThroughputPrior), "must be a positive finite number of messages per second", options.PerPodThroughputPrior);
        }

        if (options.ActivationBacklogThreshold < 0)
        {
            Fail(nameof(options.ActivationBacklogThreshold), "must be >= 0", options.ActivationBacklogThreshold);
        }

        if (options.MaxScaleUpStep is < 1)
        {
            Fail(nameof(options.MaxScaleUpStep), "must be >= 1 or unset", options.MaxScaleUpStep);
        }

        if (options.ScaleDownStabilisation < TimeSpan.Zero)
        {
            Fail(nameof(options.ScaleDownStabilisation), "must be >= 0", options.ScaleDownStabilisation);
        }

        if (options.FallbackAfterFailedPolls < 1)
        {
            Fail(nameof(options.FallbackAfterFailedPolls), "must be >= 1", options.FallbackAfterFailedPolls);
        }

        if (options.FallbackPods < 1 || options.FallbackPods > options.MaxPods)
        {
            Fail(nameof(options.FallbackPods), $"must be >= 1 and <= MaxPods ({options.MaxPods})", options.FallbackPods);
        }

        if (!(options.ThroughputSmoothing > 0 && options.ThroughputSmoothing <= 1))
        {
            Fail(nameof(options.ThroughputSmoothing), "must be in (0, 1]", options.ThroughputSmoothing);
        }

        if (!(options.SaturationBacklogSeconds > 0) || double.IsInfinity(options.SaturationBacklogSeconds))
        {
            Fail(nameof(options.SaturationBacklogSeconds), "must be a positive finite number of seconds", options.SaturationBacklogSeconds);
        }

        if (options.GroupSettleTime < TimeSpan.Zero)
        {
            Fail(nameof(options.GroupSettleTime), "must be >= 0", options.GroupSettleTime);
        }

        return errors;
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem, or returns when the options are valid.</summary>
    public static void ThrowIfInvalid(SlaPolicyOptions options, string path = nameof(SlaPolicyOptions))
    {
        var errors = Validate(options, path);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(options));
        }
    }
}
