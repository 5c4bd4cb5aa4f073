using System.Globalization;
using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Core.Scaling;

/// <summary>
/// Checks <see cref="SlaPolicyOptions"/> and reports every problem at once, each naming the configuration key
/// (<see cref="SlaPolicyKeys"/>) in the one message format <c>&lt;path&gt;.&lt;key&gt;: &lt;problem&gt; (was &lt;value&gt;)</c>.
/// </summary>
public static class SlaPolicyOptionsValidator
{
    // Settings the configuration file does not expose; named as a key would be, for programmatic callers.
    private const string ThroughputSmoothing = "throughputSmoothing";
    private const string SaturationBacklogSeconds = "saturationBacklogSeconds";
    private const string GroupSettleTime = "groupSettleTime";

    /// <summary>Returns one message per invalid field (empty when valid), each naming <paramref name="path"/> and the key.</summary>
    /// <param name="options">The options to check.</param>
    /// <param name="path">Where the options live in configuration, for example <c>pipelines.bulbs</c>; empty for none.</param>
    public static IReadOnlyList<string> Validate(SlaPolicyOptions options, string path = "")
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Fail(string key, string rule, object? value) =>
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{(path.Length == 0 ? key : $"{path}.{key}")}: {rule} (was {value})"));
        static string Duration(TimeSpan value) => QuantityParser.FormatDuration(value);

        if (options.Sla <= TimeSpan.Zero)
        {
            Fail(SlaPolicyKeys.Sla, "must be positive", Duration(options.Sla));
        }

        if (options.MinPods < 0)
        {
            Fail(SlaPolicyKeys.MinPods, "must be >= 0", options.MinPods);
        }

        if (options.MaxPods < 1 || options.MaxPods < options.MinPods)
        {
            Fail(SlaPolicyKeys.MaxPods, $"must be >= 1 and >= {SlaPolicyKeys.MinPods} ({options.MinPods})", options.MaxPods);
        }

        if (!(options.PerPodThroughputPrior > 0) || double.IsInfinity(options.PerPodThroughputPrior))
        {
            Fail(SlaPolicyKeys.PerPodThroughput, "must be a positive finite number of messages per second", options.PerPodThroughputPrior);
        }

        if (options.ActivationBacklogThreshold < 0)
        {
            Fail(SlaPolicyKeys.ActivationBacklog, "must be >= 0", options.ActivationBacklogThreshold);
        }

        if (options.MaxScaleUpStep is < 1)
        {
            Fail(SlaPolicyKeys.MaxScaleUpStep, "must be >= 1 or unset", options.MaxScaleUpStep);
        }

        if (options.ScaleDownStabilisation < TimeSpan.Zero)
        {
            Fail(SlaPolicyKeys.ScaleDownStabilisation, "must be >= 0", Duration(options.ScaleDownStabilisation));
        }

        if (options.FallbackAfterFailedPolls < 1)
        {
            Fail(SlaPolicyKeys.FallbackAfterFailedPolls, "must be >= 1", options.FallbackAfterFailedPolls);
        }

        if (options.FallbackPods < 1 || options.FallbackPods > options.MaxPods)
        {
            Fail(SlaPolicyKeys.FallbackPods, $"must be >= 1 and <= {SlaPolicyKeys.MaxPods} ({options.MaxPods})", options.FallbackPods);
        }

        if (!(options.ThroughputSmoothing > 0 && options.ThroughputSmoothing <= 1))
        {
            Fail(ThroughputSmoothing, "must be in (0, 1]", options.ThroughputSmoothing);
        }

        if (!(options.SaturationBacklogSeconds > 0) || double.IsInfinity(options.SaturationBacklogSeconds))
        {
            Fail(SaturationBacklogSeconds, "must be a positive finite number of seconds", options.SaturationBacklogSeconds);
        }

        if (options.GroupSettleTime < TimeSpan.Zero)
        {
            Fail(GroupSettleTime, "must be >= 0", Duration(options.GroupSettleTime));
        }

        return errors;
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem, or returns when the options are valid.</summary>
    public static void ThrowIfInvalid(SlaPolicyOptions options, string path = "")
    {
        var errors = Validate(options, path);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(options));
        }
    }
}
