using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Configuration;

/// <summary>Reads a pipeline's SLA policy settings (<c>sla</c>, <c>minPods</c>, <c>maxPods</c>, ...) into <see cref="SlaPolicyOptions"/>.</summary>
internal static class SlaPolicyReader
{
    /// <summary>Reads the SLA policy keys of the pipeline section <paramref name="p"/>; <c>sla</c> is required.</summary>
    public static SlaPolicyOptions Read(SectionReader p)
    {
        var defaults = new SlaPolicyOptions();
        if (!p.Has(SlaPolicyKeys.Sla))
        {
            p.Fail(SlaPolicyKeys.Sla, "is required: the longest acceptable time from arrival to processing, for example 10s");
        }

        return new SlaPolicyOptions
        {
            Sla = p.Duration(SlaPolicyKeys.Sla, defaults.Sla),
            MinPods = p.WholeNumber(SlaPolicyKeys.MinPods, defaults.MinPods),
            MaxPods = p.WholeNumber(SlaPolicyKeys.MaxPods, defaults.MaxPods),
            PerPodThroughputPrior = p.Number(SlaPolicyKeys.PerPodThroughput, defaults.PerPodThroughputPrior) ?? defaults.PerPodThroughputPrior,
            ActivationBacklogThreshold = p.LargeWholeNumber(SlaPolicyKeys.ActivationBacklog, defaults.ActivationBacklogThreshold),
            MaxScaleUpStep = p.OptionalWholeNumber(SlaPolicyKeys.MaxScaleUpStep),
            ScaleDownStabilisation = p.Duration(SlaPolicyKeys.ScaleDownStabilisation, defaults.ScaleDownStabilisation),
            FallbackAfterFailedPolls = p.WholeNumber(SlaPolicyKeys.FallbackAfterFailedPolls, defaults.FallbackAfterFailedPolls),
            FallbackPods = p.WholeNumber(SlaPolicyKeys.FallbackPods, defaults.FallbackPods),
        };
    }
}
