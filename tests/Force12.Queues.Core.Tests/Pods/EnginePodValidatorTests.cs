using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Tests.Pods;

public sealed class EnginePodValidatorTests
{
    private const string Missing = "pipelines.bulbs.orchestrator.job: is required";

    [Fact]
    public void An_engine_defined_pod_with_a_target_is_valid()
    {
        Assert.Empty(EnginePodValidator.Validate(PodTemplate.DefinedByEngine("bulbs"), "nomad", "the job defines it", hasTarget: true, Missing));
    }

    [Fact]
    public void A_pod_section_and_a_missing_target_are_both_reported_by_path()
    {
        var withPod = new PodTemplate { Pipeline = "bulbs", Containers = [new ContainerTemplate { Name = "app", Image = "bulbs:1" }] };

        var problems = EnginePodValidator.Validate(withPod, "nomad", "the job defines it", hasTarget: false, Missing);

        Assert.Equal(["pipelines.bulbs.pod: must not be set for orchestrator kind 'nomad': the job defines it", Missing], problems);
    }
}
