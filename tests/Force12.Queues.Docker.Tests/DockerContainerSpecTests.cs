using Force12.Queues.Core.Pods;

namespace Force12.Queues.Docker.Tests;

public class DockerContainerSpecTests
{
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);

    private static readonly PodTemplate Template = new()
    {
        Pipeline = "bulbs",
        StopGracePeriod = TimeSpan.FromMilliseconds(2500),
        Labels = new Dictionary<string, string> { ["team"] = "iot" },
        Containers =
        [
            new ContainerTemplate
            {
                Name = "app",
                Image = "force12/bulbs:dev",
                Command = "/app/bulbs",
                Args = ["--fast"],
                Environment = new Dictionary<string, string> { ["KAFKA"] = "127.0.0.1:9092" },
                CpuLimit = 0.5,
                MemoryLimitBytes = 64 * 1024 * 1024,
                Mounts = [new ContainerMount { HostPath = "/tmp/x", ContainerPath = "/data", ReadOnly = true }],
            },
            new ContainerTemplate { Name = "sidecar", Image = "force12/probe:dev" },
        ],
    };

    [Fact]
    public void Create_FirstContainer_OwnsIsolatedNamespaceWithLabelsEnvAndLimits()
    {
        var spec = DockerContainerSpec.Create(Template, 0, "bulbs-abc", Created, new DockerOrchestratorOptions());

        Assert.Equal("force12-bulbs-abc-app", spec.Name);
        Assert.Equal("force12/bulbs:dev", spec.Image);
        Assert.Equal(["/app/bulbs"], spec.Entrypoint);
        Assert.Equal(["--fast"], spec.Cmd);
        Assert.Equal("none", spec.HostConfig.NetworkMode);
        Assert.Equal(500_000_000, spec.HostConfig.NanoCPUs);
        Assert.Equal(64 * 1024 * 1024, spec.HostConfig.Memory);
        Assert.Equal(["/tmp/x:/data:ro"], spec.HostConfig.Binds);
        Assert.False(spec.HostConfig.Init);
        Assert.Equal("SIGTERM", spec.StopSignal);
        Assert.Equal(TimeSpan.FromSeconds(3), spec.StopTimeout);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["team"] = "iot",
                ["force12.pipeline"] = "bulbs",
                ["force12.pod"] = "bulbs-abc",
                ["force12.container"] = "app",
                ["force12.container-index"] = "0",
                ["force12.pod-size"] = "2",
                ["force12.created-unix-ms"] = "1700000000123",
                ["force12.stop-grace-seconds"] = "3",
            },
            spec.Labels);
        Assert.Equal(
            ["KAFKA=127.0.0.1:9092", "FORCE12_PIPELINE=bulbs", "FORCE12_POD=bulbs-abc", "FORCE12_CONTAINER=app"],
            spec.Env);
    }

    [Fact]
    public void Create_LaterContainer_JoinsTheOwnersNamespaceByNameAndKeepsImageDefaults()
    {
        var spec = DockerContainerSpec.Create(Template, 1, "bulbs-abc", Created, new DockerOrchestratorOptions { UseInit = true, ContainerNamePrefix = "f12-" });

        Assert.Equal("container:f12-bulbs-abc-app", spec.HostConfig.NetworkMode);
        Assert.Null(spec.Entrypoint);
        Assert.Null(spec.Cmd);
        Assert.Null(spec.HostConfig.Binds);
        Assert.Equal(0, spec.HostConfig.Memory);
        Assert.True(spec.HostConfig.Init);
        Assert.Equal("1", spec.Labels["force12.container-index"]);
    }

    [Theory]
    [InlineData(PodNetworkMode.Host, null, 0, "host")]
    [InlineData(PodNetworkMode.Host, null, 1, "host")]
    [InlineData(PodNetworkMode.Network, "kafka-net", 0, "kafka-net")]
    [InlineData(PodNetworkMode.Network, "kafka-net", 1, "container:force12-p-app")]
    [InlineData(PodNetworkMode.Pod, null, 0, "none")]
    public void Create_NetworkModes_MapToDockerNetworkMode(PodNetworkMode mode, string? network, int index, string expected)
    {
        var template = Template with { NetworkMode = mode, NetworkName = network };

        var spec = DockerContainerSpec.Create(template, index, "p", Created, new DockerOrchestratorOptions());

        Assert.Equal(expected, spec.HostConfig.NetworkMode);
    }
}
