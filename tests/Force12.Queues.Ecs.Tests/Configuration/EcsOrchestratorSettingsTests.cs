using Force12.Queues.Core.Configuration;
using Force12.Queues.Testing.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Ecs.Tests.Configuration;

/// <summary>The <c>ecs</c> kind in the agent's configuration: <c>orchestrators.ecs</c> and a pipeline's <c>orchestrator</c> mapping, errors by path.</summary>
public sealed class EcsOrchestratorSettingsTests
{
    private static readonly Dictionary<string, string?> ValidSettings = new()
    {
        ["capacity:podSlots"] = "20",
        ["pipelines:bulbs:sla"] = "10s",
        ["pipelines:bulbs:source:kind"] = "stub",
        ["pipelines:bulbs:orchestrator:kind"] = "ecs",
        ["pipelines:bulbs:orchestrator:cluster"] = "prod",
        ["pipelines:bulbs:orchestrator:service"] = "bulbs-processor",
        ["orchestrators:ecs:region"] = "eu-west-1",
    };

    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "pipelines:bulbs:orchestrator:cluster", null, "pipelines.bulbs.orchestrator.cluster: is required" },
        { "pipelines:bulbs:orchestrator:service", null, "pipelines.bulbs.orchestrator.service: is required" },
        { "pipelines:bulbs:orchestrator:namespace", "team-a", "pipelines.bulbs.orchestrator.namespace: unknown setting (known here: kind, cluster, service)" },
        { "orchestrators:ecs:regoin", "eu-west-1", "orchestrators.ecs.regoin: unknown setting (known here: region, endpoint, autoScalingEndpoint, scaleInProtectionMinutes)" },
        { "orchestrators:ecs:endpoint", "ecs.local", "orchestrators.ecs.endpoint: 'ecs.local' is not an http(s) URL, for example https://ecs.eu-west-1.amazonaws.com" },
        { "orchestrators:ecs:autoScalingEndpoint", "ftp://aas.local", "orchestrators.ecs.autoScalingEndpoint: 'ftp://aas.local' is not an http(s) URL, for example https://ecs.eu-west-1.amazonaws.com" },
        { "orchestrators:ecs:scaleInProtectionMinutes", "2881", "orchestrators.ecs.scaleInProtectionMinutes: must be between 0 and 2880 (was 2881)" },
        { "orchestrators:ecs:scaleInProtectionMinutes", "-1", "orchestrators.ecs.scaleInProtectionMinutes: must be between 0 and 2880 (was -1)" },
        { "orchestrators:ecs:region", null, "orchestrators.ecs.region: is required (or set AWS_REGION), for example eu-west-1" },
        { "pipelines:bulbs:pod:containers:0:image", "force12/bulbs:dev", "pipelines.bulbs.pod: must not be set for orchestrator kind 'ecs': the pod is the ECS service's task definition (all its containers)" },
    };

    [Fact]
    public void Read_EcsPipeline_TargetsItsServiceWithAnEngineDefinedPod()
    {
        var result = Read(ValidSettings);

        Assert.Empty(result.Errors);
        var pipeline = Assert.Single(result.Configuration!.Pipelines);
        Assert.Equal(new EcsPipelineSettings("prod", "bulbs-processor"), pipeline.OrchestratorSettings);
        Assert.True(pipeline.Pod.IsDefinedByEngine);
        Assert.IsType<EcsPodOrchestrator>(result.Configuration.Orchestrators["ecs"]);
    }

    [Fact]
    public void Read_NoRegionKey_TakesAwsRegionFromTheEnvironment()
    {
        var settings = new Dictionary<string, string?>(ValidSettings) { ["orchestrators:ecs:region"] = null };

        var result = Read(settings, new Dictionary<string, string?> { ["AWS_REGION"] = "ap-southeast-2" });

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void ReadOptions_EverySetting_ReachesTheOptions()
    {
        var errors = new List<string>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["orchestrators:ecs:region"] = "eu-central-1",
            ["orchestrators:ecs:endpoint"] = "http://127.0.0.1:4566",
            ["orchestrators:ecs:autoScalingEndpoint"] = "http://127.0.0.1:4567",
            ["orchestrators:ecs:scaleInProtectionMinutes"] = "0",
        }).Build();

        var options = Provider().Read(new SectionReader(configuration.GetSection("orchestrators:ecs"), "orchestrators.ecs", errors));

        Assert.Empty(errors);
        Assert.Equal(new EcsOrchestratorOptions
        {
            Region = "eu-central-1",
            Endpoint = new Uri("http://127.0.0.1:4566"),
            AutoScalingEndpoint = new Uri("http://127.0.0.1:4567"),
            ScaleInProtectionMinutes = 0,
        }, options);
    }

    [Fact]
    public void Validate_BadOptionsGivenInCode_NamesEachKey()
    {
        var problems = EcsOrchestratorOptionsValidator.Validate(new EcsOrchestratorOptions
        {
            Region = " ",
            Endpoint = new Uri("ftp://ecs.local/"),
            ScaleInProtectionMinutes = 2881,
        });

        Assert.Equal(
        [
            "region: is required (or set AWS_REGION), for example eu-west-1",
            "endpoint: 'ftp://ecs.local/' is not an http(s) URL, for example https://ecs.eu-west-1.amazonaws.com",
            "scaleInProtectionMinutes: must be between 0 and 2880 (was 2881)",
        ], problems.Select(p => p.ToString()));
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Read_BadEcsSetting_GivesOneMessageNamingThePath(string key, string? value, string expected)
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings) { [key] = value });

        Assert.Equal([expected], result.Errors);
        Assert.Null(result.Configuration);
    }

    private static EcsOrchestratorProvider Provider(IReadOnlyDictionary<string, string?>? environment = null) =>
        new(new EcsOrchestratorOptions(), TimeProvider.System, NullLoggerFactory.Instance, name => environment?.GetValueOrDefault(name));

    private static ConfigurationResult Read(Dictionary<string, string?> settings, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Where(kv => kv.Value is not null)).Build();
        using var provider = Provider(environment);
        return new AgentConfigurationReader([new StubSourceProvider()], [provider]).Read(configuration);
    }
}
