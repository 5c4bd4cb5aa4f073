using Force12.Queues.Core.Configuration;
using Force12.Queues.Testing.Pods;
using Microsoft.Extensions.Configuration;

namespace Force12.Queues.Core.Tests.Configuration;

/// <summary>The orchestrator side of the configuration: <c>orchestrators.KIND</c> and a pipeline's <c>orchestrator</c> kind or mapping.</summary>
public sealed class OrchestratorSettingsReaderTests
{
    private static readonly Dictionary<string, string?> ValidSettings = new()
    {
        ["capacity:podSlots"] = "20",
        ["pipelines:bulbs:sla"] = "10s",
        ["pipelines:bulbs:source:kind"] = "fake",
        ["pipelines:bulbs:source:group"] = "bulbs",
        ["pipelines:bulbs:orchestrator"] = "fake",
        ["pipelines:bulbs:pod:containers:0:name"] = "processor",
        ["pipelines:bulbs:pod:containers:0:image"] = "force12/bulbs:dev",
    };

    private readonly RecordingOrchestratorProvider _fake = new("fake");
    private readonly RecordingOrchestratorProvider _idle = new("idle");
    private readonly RecordingOrchestratorProvider _engine = new("engine", "the pod is the workload's own pod template");

    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "orchestrators:kube:endpoint", "x", "orchestrators.kube: unknown kind 'kube' (known: engine, fake, idle)" },
        { "orchestrators:fake:endpont", "x", "orchestrators.fake.endpont: unknown setting (known here: endpoint)" },
        { "orchestrators:fake:endpoint", "not a uri", "orchestrators.fake.endpoint: 'not a uri' is not an absolute URI" },
        { "orchestrators:idle:endpoint", "not a uri", "orchestrators.idle.endpoint: 'not a uri' is not an absolute URI" },
        { "orchestrators", "fake", "orchestrators: must map orchestrator kinds (engine, fake, idle) to their settings" },
        { "pipelines:bulbs:orchestrator:namespace", "team-a", "pipelines.bulbs.orchestrator.kind: is required" },
        { "pipelines:bulbs:orchestrator:kind", "kube", "pipelines.bulbs.orchestrator.kind: unknown kind 'kube' (known: engine, fake, idle)" },
        { "pipelines:bulbs:orchestrator:image", "x", "pipelines.bulbs.orchestrator.kind: is required" },
    };

    [Fact]
    public void Read_KindOnly_CreatesThatKindWithDefaultsAndNoOther()
    {
        var result = Read(ValidSettings);

        Assert.Empty(result.Errors);
        var configuration = result.Configuration!;
        Assert.Equal(["fake"], configuration.Orchestrators.Keys);
        var (endpoint, pipelines) = Assert.Single(_fake.Created);
        Assert.Null(endpoint);
        Assert.Equal(new RecordingOrchestratorProvider.NamespaceSettings("default"), pipelines["bulbs"]);
        Assert.Empty(_idle.Created);
        Assert.Equal("fake", Assert.Single(configuration.Pipelines).OrchestratorKind);
    }

    [Fact]
    public void Read_MappingAndSection_PipelineSettingsAndAgentWideSettingsReachTheProvider()
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings)
        {
            ["pipelines:bulbs:orchestrator"] = null,
            ["pipelines:bulbs:orchestrator:kind"] = "fake",
            ["pipelines:bulbs:orchestrator:namespace"] = "team-a",
            ["orchestrators:fake:endpoint"] = "https://fake.example:8443",
        });

        Assert.Empty(result.Errors);
        var (endpoint, pipelines) = Assert.Single(_fake.Created);
        Assert.Equal("https://fake.example:8443", endpoint);
        var expected = new RecordingOrchestratorProvider.NamespaceSettings("team-a");
        Assert.Equal(expected, pipelines["bulbs"]);
        Assert.Equal(expected, Assert.Single(result.Configuration!.Pipelines).OrchestratorSettings);
        Assert.Equal("fake", Assert.IsType<FakePodOrchestrator>(result.Configuration.Orchestrators["fake"]).Kind);
    }

    [Fact]
    public void Read_SectionOfAKindNoPipelineUses_CreatesItToo()
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings) { ["orchestrators:idle:endpoint"] = "tcp://127.0.0.1:1" });

        Assert.Empty(result.Errors);
        Assert.Equal(["fake", "idle"], result.Configuration!.Orchestrators.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(Assert.Single(_idle.Created).Pipelines);
    }

    [Fact]
    public void Read_UnknownPerPipelineKey_IsRejectedNamingTheKindsKeys()
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings)
        {
            ["pipelines:bulbs:orchestrator"] = null,
            ["pipelines:bulbs:orchestrator:kind"] = "fake",
            ["pipelines:bulbs:orchestrator:image"] = "x",
        });

        Assert.Equal(["pipelines.bulbs.orchestrator.image: unknown setting (known here: kind, namespace)"], result.Errors);
    }

    [Fact]
    public void Read_KindWhoseEngineDefinesThePod_NeedsNoPodSectionAndGetsAnEmptyTemplate()
    {
        var settings = new Dictionary<string, string?>(ValidSettings) { ["pipelines:bulbs:orchestrator"] = "engine" };
        foreach (var key in settings.Keys.Where(k => k.StartsWith("pipelines:bulbs:pod:", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }

        var result = Read(settings);

        Assert.Empty(result.Errors);
        var pod = Assert.Single(result.Configuration!.Pipelines).Pod;
        Assert.True(pod.IsDefinedByEngine);
        Assert.Equal("bulbs", pod.Pipeline);
    }

    [Fact]
    public void Read_PodSectionForKindWhoseEngineDefinesThePod_IsRejectedWithTheReason()
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings) { ["pipelines:bulbs:orchestrator"] = "engine" });

        Assert.Equal(["pipelines.bulbs.pod: must not be set for orchestrator kind 'engine': the pod is the workload's own pod template"], result.Errors);
        Assert.Null(result.Configuration);
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Read_BadOrchestratorSetting_GivesOneMessageNamingThePath(string key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>(ValidSettings) { [key] = value };
        if (key.StartsWith("pipelines:bulbs:orchestrator:", StringComparison.Ordinal))
        {
            settings["pipelines:bulbs:orchestrator"] = null;
        }

        var result = Read(settings);

        Assert.Equal([expected], result.Errors);
        Assert.Null(result.Configuration);
    }

    private ConfigurationResult Read(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Where(kv => kv.Value is not null)).Build();
        return new AgentConfigurationReader([new FakeSourceProvider()], [_fake, _idle, _engine]).Read(configuration);
    }
}
