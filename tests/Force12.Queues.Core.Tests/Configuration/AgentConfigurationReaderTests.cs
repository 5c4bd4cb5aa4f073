using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Force12.Queues.Testing.Pods;
using Microsoft.Extensions.Configuration;

namespace Force12.Queues.Core.Tests.Configuration;

public sealed class AgentConfigurationReaderTests
{
    internal static readonly Dictionary<string, string?> ValidSettings = new()
    {
        ["pollInterval"] = "1s",
        ["capacity:podSlots"] = "20",
        ["pipelines:bulbs:priority"] = "1",
        ["pipelines:bulbs:sla"] = "10s",
        ["pipelines:bulbs:minPods"] = "1",
        ["pipelines:bulbs:maxPods"] = "12",
        ["pipelines:bulbs:perPodThroughput"] = "500",
        ["pipelines:bulbs:source:kind"] = "fake",
        ["pipelines:bulbs:source:group"] = "bulbs",
        ["pipelines:bulbs:orchestrator"] = "fake",
        ["pipelines:bulbs:pod:containers:0:name"] = "processor",
        ["pipelines:bulbs:pod:containers:0:image"] = "force12/bulbs:dev",
        ["pipelines:bulbs:pod:containers:0:memory"] = "256Mi",
    };

    public static TheoryData<string, string?, string> BadConfigurations => new()
    {
        { "pipelines:bulbs:source:kind", "kafak", "pipelines.bulbs.source.kind: unknown kind 'kafak' (known: fake)" },
        { "pipelines:bulbs:source:group", null, "pipelines.bulbs.source.group: is required" },
        { "pipelines:bulbs:orchestrator", "kubernetes", "pipelines.bulbs.orchestrator: unknown kind 'kubernetes' (known: fake)" },
        { "pipelines:bulbs:orchestrator", null, "pipelines.bulbs.orchestrator: is required" },
        { "pipelines:bulbs:sla", "0s", "pipelines.bulbs.sla: must be positive (was 0s)" },
        { "pipelines:bulbs:sla", "10", "pipelines.bulbs.sla: '10' is not a duration (use a number with ms, s, m or h, for example 10s)" },
        { "pipelines:bulbs:sla", null, "pipelines.bulbs.sla: is required: the longest acceptable time from arrival to processing, for example 10s" },
        { "pipelines:bulbs:minPods", "20", "pipelines.bulbs.maxPods: must be >= 1 and >= minPods (20) (was 12)" },
        { "pipelines:bulbs:maxPods", "many", "pipelines.bulbs.maxPods: 'many' is not a whole number" },
        { "pipelines:bulbs:perPodThroughput", "-5", "pipelines.bulbs.perPodThroughput: must be a positive finite number of messages per second (was -5)" },
        { "pipelines:bulbs:priority", "0", "pipelines.bulbs.priority: must be >= 1 (was 0)" },
        { "pipelines:bulbs:maxPod", "3", "pipelines.bulbs.maxPod: unknown setting (known here: priority, remainder, consumersPerPod, sla, minPods, maxPods, perPodThroughput, activationBacklog, maxScaleUpStep, scaleDownStabilisation, fallbackAfterFailedPolls, fallbackPods, forecast, source, orchestrator, pod)" },
        { "pipelines:bulbs:remainder", "yes", "pipelines.bulbs.remainder: 'yes' is not true or false" },
        { "pipelines:bulbs:pod:containers:0:name", null, "pipelines.bulbs.pod.containers[0].name: must be 1 to 63 of a-z, 0-9 and '-', starting with a letter or digit (was '')" },
        { "pipelines:bulbs:pod:containers:0:name", "Processor!", "pipelines.bulbs.pod.containers[0].name: must be 1 to 63 of a-z, 0-9 and '-', starting with a letter or digit (was 'Processor!')" },
        { "pipelines:bulbs:pod:containers:0:memory", "lots", "pipelines.bulbs.pod.containers[0].memory: 'lots' is not a size in bytes (for example 256Mi or 1Gi)" },
        { "pipelines:bulbs:pod:containers:0:cpu", "0", "pipelines.bulbs.pod.containers[0].cpu: must be greater than 0 (was 0)" },
        { "pipelines:bulbs:pod:stopGracePeriod", "2h", "pipelines.bulbs.pod.stopGracePeriod: must be between 0s and 1h (was 2h)" },
        { "pipelines:bulbs:pod:standby", "101", "pipelines.bulbs.pod.standby: must be between 0 and 100 (was 101)" },
        { "pipelines:bulbs:pod:standby", "two", "pipelines.bulbs.pod.standby: 'two' is not a whole number" },
        { "pipelines:bulbs:pod:standbyPods", "2", "pipelines.bulbs.pod.standbyPods: unknown setting (known here: network, stopGracePeriod, standby, warm, warmTimeout, warmCountsAgainstCapacity, labels, containers)" },
        { "pipelines:bulbs:pod:warm", "101", "pipelines.bulbs.pod.warm: must be between 0 and 100 (was 101)" },
        { "pipelines:bulbs:pod:warmTimeout", "0s", "pipelines.bulbs.pod.warmTimeout: must be between 1s and 1h (was 0s)" },
        { "pipelines:bulbs:pod:warmCountsAgainstCapacity", "sometimes", "pipelines.bulbs.pod.warmCountsAgainstCapacity: 'sometimes' is not true or false" },
        { "capacity:podSlots", "0", "capacity.podSlots: must be >= 1 (was 0)" },
        { "pollInterval", "fast", "pollInterval: 'fast' is not a duration (use a number with ms, s, m or h, for example 10s)" },
        { "http:address", "localhost", "http.address: 'localhost' is not an IP address with a port, for example 127.0.0.1:8412" },
        { "pipelines:bulbs:fallbackPods", "0", "pipelines.bulbs.fallbackPods: must be >= 1 and <= maxPods (12) (was 0)" },
    };

    [Fact]
    public void Read_ValidConfiguration_ReturnsEveryField()
    {
        var result = Read(ValidSettings);

        Assert.Empty(result.Errors);
        var configuration = result.Configuration!;
        Assert.Equal(TimeSpan.FromSeconds(1), configuration.PollInterval);
        Assert.Equal(20, configuration.Capacity.PodSlots);
        var bulbs = Assert.Single(configuration.Pipelines);
        Assert.Equal("bulbs", bulbs.Name);
        Assert.Equal(TimeSpan.FromSeconds(10), bulbs.Policy.Sla);
        Assert.Equal((1, 12), (bulbs.Policy.MinPods, bulbs.Policy.MaxPods));
        Assert.Equal(500, bulbs.Policy.PerPodThroughputPrior);
        Assert.Equal("fake group bulbs", bulbs.Source.Description);
        Assert.Equal(256L * 1024 * 1024, bulbs.Pod.Containers[0].MemoryLimitBytes);
        Assert.Equal(0, bulbs.Pod.StandbyPods);
    }

    [Fact]
    public void Read_PodStandby_SetsStandbyPods()
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings) { ["pipelines:bulbs:pod:standby"] = "3" });

        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Configuration!.Pipelines[0].Pod.StandbyPods);
    }

    [Fact]
    public void Read_PodWarm_SetsWarmPodsTimeoutAndCapacityFlag()
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings)
        {
            ["pipelines:bulbs:pod:warm"] = "4",
            ["pipelines:bulbs:pod:warmTimeout"] = "5s",
            ["pipelines:bulbs:pod:warmCountsAgainstCapacity"] = "true",
        });

        Assert.Empty(result.Errors);
        var pod = result.Configuration!.Pipelines[0].Pod;
        Assert.Equal(4, pod.WarmPods);
        Assert.Equal(TimeSpan.FromSeconds(5), pod.WarmTimeout);
        Assert.True(pod.WarmCountsAgainstCapacity);
    }

    [Fact]
    public void Read_PodWithoutWarm_DefaultsToNoWarmPodsNotCounted()
    {
        var pod = Read(ValidSettings).Configuration!.Pipelines[0].Pod;

        Assert.Equal(0, pod.WarmPods);
        Assert.Equal(TimeSpan.FromSeconds(30), pod.WarmTimeout);
        Assert.False(pod.WarmCountsAgainstCapacity);
    }

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public void Read_OneBadValue_ReportsExactlyThatError(string key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>(ValidSettings) { [key] = value };

        var result = Read(settings);

        Assert.Null(result.Configuration);
        Assert.Equal([expected], result.Errors);
    }

    [Fact]
    public void Read_SeveralBadValues_ReportsThemAllAtOnce()
    {
        var settings = new Dictionary<string, string?>(ValidSettings)
        {
            ["pipelines:bulbs:sla"] = "-1s",
            ["pipelines:bulbs:source:kind"] = "nope",
            ["capacity:podSlots"] = "x",
        };

        var result = Read(settings);

        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void Read_NoPipelines_SaysAtLeastOneIsRequired()
    {
        var result = Read(new Dictionary<string, string?> { ["capacity:podSlots"] = "4" });

        Assert.Equal(["pipelines: is required: configure at least one pipeline"], result.Errors);
    }

    internal static ConfigurationResult Read(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Where(kv => kv.Value is not null)).Build();
        return new AgentConfigurationReader([new FakeSourceProvider()], [new InstancePodOrchestratorProvider(new FakePodOrchestrator(TimeProvider.System, "fake") { WarmPodsSupported = true })]).Read(configuration);
    }
}
