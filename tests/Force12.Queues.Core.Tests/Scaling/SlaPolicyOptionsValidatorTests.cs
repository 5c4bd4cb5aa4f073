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

        var errors = SlaPolicyOptionsValidator.Validate(options, "pipelines:lights:scaling");

        Assert.Equal(
        [
            "pipelines:lights:scaling.Sla must be positive (was 00:00:00).",
            "pipelines:lights:scaling.MinPods must be >= 0 (was -1).",
            "pipelines:lights:scaling.MaxPods must be >= 1 and >= MinPods (-1) (was 0).",
            "pipelines:lights:scaling.PerPodThroughputPrior must be a positive finite number of messages per second (was 0).",
            "pipelines:lights:scaling.ActivationBacklogThreshold must be >= 0 (was -5).",
            "pipelines:lights:scaling.MaxScaleUpStep must be >= 1 or unset (was 0).",
            "pipelines:lights:scaling.ScaleDownStabilisation must be >= 0 (was -00:00:01).",
            "pipelines:lights:scaling.FallbackAfterFailedPolls must be >= 1 (was 0).",
            "pipelines:lights:scaling.FallbackPods must be >= 1 and <= MaxPods (0) (was 0).",
            "pipelines:lights:scaling.ThroughputSmoothing must be in (0, 1] (was 1.5).",
            "pipelines:lights:scaling.SaturationBacklogSeconds must be a positive finite number of seconds (was 0).",
        ], errors);
    }

    [Fact]
    public void ThrowIfInvalid_MaxBelowMin_ThrowsNamingBothFields()
    {
        var ex = Assert.Throws<ArgumentException>(() => SlaPolicyOptionsValidator.ThrowIfInvalid(new SlaPolicyOptions { MinPods = 5, MaxPods = 3, FallbackPods = 1 }));

        Assert.StartsWith("SlaPolicyOptions.MaxPods must be >= 1 and >= MinPods (5) (was 3).", ex.Message, StringComparison.Ordinal);
    }
}
