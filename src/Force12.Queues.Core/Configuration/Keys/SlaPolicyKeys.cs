namespace Force12.Queues.Core.Configuration;

/// <summary>The policy keys of a pipeline, read into <see cref="Scaling.SlaPolicyOptions"/> and named by its validator.</summary>
public static class SlaPolicyKeys
{
    /// <summary><c>sla</c>: <see cref="Scaling.SlaPolicyOptions.Sla"/>.</summary>
    public const string Sla = "sla";

    /// <summary><c>minPods</c>: <see cref="Scaling.SlaPolicyOptions.MinPods"/>.</summary>
    public const string MinPods = "minPods";

    /// <summary><c>maxPods</c>: <see cref="Scaling.SlaPolicyOptions.MaxPods"/>.</summary>
    public const string MaxPods = "maxPods";

    /// <summary><c>perPodThroughput</c>: <see cref="Scaling.SlaPolicyOptions.PerPodThroughputPrior"/>.</summary>
    public const string PerPodThroughput = "perPodThroughput";

    /// <summary><c>activationBacklog</c>: <see cref="Scaling.SlaPolicyOptions.ActivationBacklogThreshold"/>.</summary>
    public const string ActivationBacklog = "activationBacklog";

    /// <summary><c>maxScaleUpStep</c>: <see cref="Scaling.SlaPolicyOptions.MaxScaleUpStep"/>.</summary>
    public const string MaxScaleUpStep = "maxScaleUpStep";

    /// <summary><c>scaleDownStabilisation</c>: <see cref="Scaling.SlaPolicyOptions.ScaleDownStabilisation"/>.</summary>
    public const string ScaleDownStabilisation = "scaleDownStabilisation";

    /// <summary><c>fallbackAfterFailedPolls</c>: <see cref="Scaling.SlaPolicyOptions.FallbackAfterFailedPolls"/>.</summary>
    public const string FallbackAfterFailedPolls = "fallbackAfterFailedPolls";

    /// <summary><c>fallbackPods</c>: <see cref="Scaling.SlaPolicyOptions.FallbackPods"/>.</summary>
    public const string FallbackPods = "fallbackPods";

    /// <summary>Every policy key a pipeline accepts.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Sla, MinPods, MaxPods, PerPodThroughput, ActivationBacklog, MaxScaleUpStep, ScaleDownStabilisation, FallbackAfterFailedPolls, FallbackPods];
}
