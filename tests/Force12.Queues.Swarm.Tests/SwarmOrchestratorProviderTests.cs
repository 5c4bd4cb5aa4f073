using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Swarm.Tests;

/// <summary>
/// <c>orchestrators.swarm</c> and a pipeline's <c>orchestrator</c> mapping of kind <c>swarm</c>, read by
/// <see cref="SwarmOrchestratorProvider"/>: problems under their paths, settings into the orchestrator.
/// (The reader's rejection of a <c>pod</c> section is checked through <c>force12 validate</c>: BadConfigs/swarm-pod-set.yaml.)
/// </summary>
public sealed class SwarmOrchestratorProviderTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "endpoint", "docker.sock", "orchestrators.swarm.endpoint: 'docker.sock' is not an absolute URI (for example unix:///var/run/docker.sock or tcp://127.0.0.1:2375)" },
        { "endpoint", "ftp://127.0.0.1/", "orchestrators.swarm.endpoint: 'ftp://127.0.0.1/' is not a Docker endpoint (use unix://, npipe://, tcp://, http://, https://, for example unix:///var/run/docker.sock or tcp://127.0.0.1:2375)" },
        { "convergenceTimeout", "500ms", "orchestrators.swarm.convergenceTimeout: must be between 1s and 1h (was 500ms)" },
        { "convergenceTimeout", "2h", "orchestrators.swarm.convergenceTimeout: must be between 1s and 1h (was 7200s)" },
    };

    public static TheoryData<string?, string> BadServices => new()
    {
        { null, "pipelines.bulbs.orchestrator.service: is required: the name of the replicated Swarm service this pipeline scales (orchestrator: { kind: swarm, service: NAME })" },
        { "  ", "pipelines.bulbs.orchestrator.service: is required: the name of the replicated Swarm service this pipeline scales (orchestrator: { kind: swarm, service: NAME })" },
        { "bulbs/v2", "pipelines.bulbs.orchestrator.service: 'bulbs/v2' is not a Swarm service name or id (a letter or digit, then letters, digits, '-', '_' or '.'; at most 63 characters)" },
        { "-bulbs", "pipelines.bulbs.orchestrator.service: '-bulbs' is not a Swarm service name or id (a letter or digit, then letters, digits, '-', '_' or '.'; at most 63 characters)" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Create_BadSetting_ReportsOneProblemUnderItsKey(string key, string value, string expected)
    {
        var errors = new List<string>();
        using var provider = Provider();

        var orchestrator = provider.Create(Section(errors, "orchestrators:swarm", (key, value)), new Dictionary<string, OrchestratorPipelineSettings>());

        Assert.Equal([expected], errors);
        Assert.Null(orchestrator);
    }

    [Theory]
    [MemberData(nameof(BadServices))]
    public void ReadPipeline_MissingOrBadService_ReportsItUnderItsPath(string? service, string expected)
    {
        var errors = new List<string>();

        var settings = Provider().ReadPipeline(Section(errors, "pipelines:bulbs:orchestrator", ("kind", "swarm"), ("service", service)));

        Assert.Equal([expected], errors);
        Assert.Null(settings);
    }

    [Fact]
    public void ReadPipeline_Service_IsThePipelinesTarget()
    {
        var errors = new List<string>();

        var settings = Provider().ReadPipeline(Section(errors, "pipelines:bulbs:orchestrator", ("kind", "swarm"), ("service", "bulbs-svc")));

        Assert.Empty(errors);
        Assert.Equal(new SwarmPipelineSettings("bulbs-svc"), settings);
    }

    [Fact]
    public void Provider_EngineDefinesThePod_SaysWhereSoTheReaderRejectsAPodSection()
    {
        IPodOrchestratorProvider provider = Provider();

        Assert.Equal(SwarmPodOrchestrator.PodDefinedBy, provider.PodDefinedBy);
        Assert.StartsWith("the pod is the Swarm service's task template (one container per task); Swarm has no multi-container pods", provider.PodDefinedBy, StringComparison.Ordinal);
        Assert.Equal(["endpoint", "convergenceTimeout"], provider.Keys);
        Assert.Equal(["kind", "service"], provider.PipelineKeys);
    }

    [Fact]
    public void Create_PipelinesWithServices_OrchestratorAcceptsTheirEngineDefinedTemplatesOnly()
    {
        var errors = new List<string>();
        using var provider = Provider();

        var orchestrator = provider.Create(
            Section(errors, "orchestrators:swarm", ("endpoint", "tcp://10.11.12.13:2375"), ("convergenceTimeout", "30s")),
            new Dictionary<string, OrchestratorPipelineSettings> { ["bulbs"] = new SwarmPipelineSettings("bulbs-svc") });

        Assert.Empty(errors);
        var swarm = Assert.IsType<SwarmPodOrchestrator>(orchestrator);
        Assert.Equal("swarm", swarm.Kind);
        Assert.Empty(swarm.Validate(PodTemplate.DefinedByEngine("bulbs")));
        Assert.Equal(
            ["pipelines.other.orchestrator.service: is required by the swarm orchestrator: the replicated Swarm service the pipeline scales"],
            swarm.Validate(PodTemplate.DefinedByEngine("other")));
        var withContainers = new PodTemplate { Pipeline = "bulbs", Containers = [new ContainerTemplate { Name = "main", Image = "x" }] };
        Assert.Equal([$"pipelines.bulbs.pod: must not be set for orchestrator kind 'swarm': {SwarmPodOrchestrator.PodDefinedBy}"], swarm.Validate(withContainers));
    }

    private static SwarmOrchestratorProvider Provider() => new(new SwarmOrchestratorOptions(), TimeProvider.System, NullLoggerFactory.Instance);

    private static SectionReader Section(List<string> errors, string path, params (string Key, string? Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Where(v => v.Value is not null).Select(v => KeyValuePair.Create($"{path}:{v.Key}", v.Value)))
            .Build();
        return new SectionReader(configuration.GetSection(path), path.Replace(':', '.'), errors);
    }
}
