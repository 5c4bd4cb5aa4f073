using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Tests.Scaling;

public sealed class SlaPolicyOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_AreValid()
    {
        Assert.Empty(SlaPolicyOptionsValidator.Validate(new SlaPolicyOptions()));
    }

    [Fact]
    public void Validate_EveryFieldWrong_ReportsEveryErrorNamingTheField()
    {
        var options = new SlaPolicyOptions
        {
            Sla = TimeSpan.Zero,
            MinPods = -1,
            MaxPods = 0,
            PerPodThroughputPrior = 0,
            ActivationBacklogThreshold = -5,
            MaxScaleUpStep = 0,
            ScaleDownStabilisation = TimeSpan.FromSeconds(-1),
            FallbackAfterFailedPolls = 0,
            FallbackPods = 0,
            ThroughputSmoothing = 1.5,
            SaturationBacklogSeconds = 0,
        };

        var errors = SlaPolicyOptionsValidator.Validate(options, "pipelines.lights");

        Assert.Equal(
        [
            "pipelines.lights.sla: must be positive (was 0s)",
            "pipelines.lights.minPods: must be >= 0 (was -1)",
            "pipelines.lights.maxPods: must be >= 1 and >= minPods (-1) (was 0)",
            "pipelines.lights.perPodThroughput: must be a positive finite number of messages per second (was 0)",
            "pipelines.lights.activationBacklog: must be >= 0 (was -5)",
            "pipelines.lights.maxScaleUpStep: must be >= 1 or unset (was 0)",
            "pipelines.lights.scaleDownStabilisation: must be >= 0 (was -1s)",
            "pipelines.lights.fallbackAfterFailedPolls: must be >= 1 (was 0)",
            "pipelines.lights.fallbackPods: must be >= 1 and <= maxPods (0) (was 0)",
            "pipelines.lights.throughputSmoothing: must be in (0, 1] (was 1.5)",
            "pipelines.lights.saturationBacklogSeconds: must be a positive finite number of seconds (was 0)",
        ], errors);
    }

    [Fact]
    public void ThrowIfInvalid_MaxBelowMin_ThrowsNamingBothFields()
    {
        var ex = Assert.Throws<ArgumentException>(() => SlaPolicyOptionsValidator.ThrowIfInvalid(new SlaPolicyOptions { MinPods = 5, MaxPods = 3, FallbackPods = 1 }));

        Assert.StartsWith("maxPods: must be >= 1 and >= minPods (5) (was 3)", ex.Message, StringComparison.Ordinal);
    }
}
