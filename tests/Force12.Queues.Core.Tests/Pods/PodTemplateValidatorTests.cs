using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Tests.Pods;

public class PodTemplateValidatorTests
{
    private static readonly PodTemplate Valid = new()
    {
        Pipeline = "bulbs",
        Containers = [new ContainerTemplate { Name = "app", Image = "force12/probe:dev" }],
    };

    [Fact]
    public void Validate_ValidTemplate_NoErrors()
    {
        Assert.Empty(PodTemplateValidator.Validate(Valid));
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOneNamingTheField()
    {
        var template = Valid with
        {
            Pipeline = "Bad Name",
            NetworkMode = PodNetworkMode.Network,
            StopGracePeriod = TimeSpan.FromSeconds(-1),
            Labels = new Dictionary<string, string> { ["force12.pod"] = "x" },
            Containers =
            [
                new ContainerTemplate { Name = "app", CpuLimit = 0, MemoryLimitBytes = 1024 },
                new ContainerTemplate
                {
                    Name = "app",
                    Environment = new Dictionary<string, string> { ["A=B"] = "1" },
                    Mounts = [new ContainerMount { HostPath = "relative", ContainerPath = "/data" }],
                },
                new ContainerTemplate { Name = "-x" },
            ],
        };

        var errors = PodTemplateValidator.Validate(template);

        Assert.Equal(
            [
                "pipelines.Bad Name: a pipeline name must be 1 to 63 of a-z, 0-9, '-', '_', '.' starting with a letter or digit (was 'Bad Name')",
                "pipelines.Bad Name.pod.network: a network name is required",
                "pipelines.Bad Name.pod.stopGracePeriod: must be between 0s and 1h (was -1s)",
                "pipelines.Bad Name.pod.labels.force12.pod: keys starting with 'force12.' are reserved for the orchestrator",
                "pipelines.Bad Name.pod.containers[0].cpu: must be a positive number of cores (was 0)",
                "pipelines.Bad Name.pod.containers[0].memory: must be at least 6Mi (was 1024 bytes)",
                "pipelines.Bad Name.pod.containers[1].name: 'app' is used by another container of the pod",
                "pipelines.Bad Name.pod.containers[1].env.A=B: a variable name must be non-empty and must not contain '='",
                "pipelines.Bad Name.pod.containers[1].mounts[0]: hostPath and containerPath must be absolute (were 'relative' and '/data')",
                "pipelines.Bad Name.pod.containers[2].name: must be 1 to 63 of a-z, 0-9 and '-', starting with a letter or digit (was '-x')",
            ],
            errors);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Validate_StandbyPodsOutOfRange_ReportsStandbyPods(int standby)
    {
        Assert.Equal([$"pipelines.bulbs.pod.standby: must be between 0 and 100 (was {standby})"], PodTemplateValidator.Validate(Valid with { StandbyPods = standby }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Validate_WarmPodsOutOfRange_ReportsWarm(int warm)
    {
        Assert.Equal([$"pipelines.bulbs.pod.warm: must be between 0 and 100 (was {warm})"], PodTemplateValidator.Validate(Valid with { WarmPods = warm }));
    }

    [Fact]
    public void Validate_WarmTimeoutOverAnHour_ReportsWarmTimeout()
    {
        Assert.Equal(["pipelines.bulbs.pod.warmTimeout: must be between 1s and 1h (was 2h)"], PodTemplateValidator.Validate(Valid with { WarmTimeout = TimeSpan.FromHours(2) }));
    }

    [Fact]
    public void Validate_NoContainers_ReportsContainers()
    {
        Assert.Equal(["pipelines.bulbs.pod.containers: at least one container is required"], PodTemplateValidator.Validate(Valid with { Containers = [] }));
    }

    [Fact]
    public void Validate_NetworkNameWithoutNetworkMode_ReportsNetworkName()
    {
        var errors = PodTemplateValidator.Validate(Valid with { NetworkMode = PodNetworkMode.Host, NetworkName = "n" });

        Assert.Equal(["pipelines.bulbs.pod.network: the network name 'n' is only used with a named network (network mode is Host)"], errors);
    }

    [Fact]
    public void ThrowIfAny_Errors_ThrowsWithPipelineAndEveryError()
    {
        var ex = Assert.Throws<PodTemplateException>(() => PodTemplateValidator.ThrowIfAny(Valid, ["a: x.", "b: y."]));

        Assert.Equal("bulbs", ex.Pipeline);
        Assert.Equal(["a: x.", "b: y."], ex.Errors);
        Assert.Contains("Pod template of pipeline 'bulbs' is invalid:", ex.Message, StringComparison.Ordinal);
    }
}
