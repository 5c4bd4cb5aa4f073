using Force12.Queues.Core.Configuration;
using Force12.Queues.Testing.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Marathon.Tests;

/// <summary><c>orchestrators.marathon</c> and a pipeline's <c>orchestrator: { kind: marathon, app }</c>, read as the agent reads them.</summary>
public sealed class MarathonOrchestratorSettingsTests : IDisposable
{
    private static readonly Dictionary<string, string?> ValidSettings = new()
    {
        ["capacity:podSlots"] = "20",
        ["pipelines:bulbs:sla"] = "10s",
        ["pipelines:bulbs:source:kind"] = "stub",
        ["pipelines:bulbs:source:group"] = "bulbs",
        ["pipelines:bulbs:orchestrator:kind"] = "marathon",
        ["pipelines:bulbs:orchestrator:app"] = "/lights/bulbs",
    };

    private readonly MarathonOrchestratorProvider _provider = new(new MarathonOrchestratorOptions(), TimeProvider.System, NullLoggerFactory.Instance);

    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "pipelines:bulbs:orchestrator:app", null, "pipelines.bulbs.orchestrator.app: is required" },
        { "pipelines:bulbs:orchestrator:app", "/Lights/bulbs", "pipelines.bulbs.orchestrator.app: '/Lights/bulbs' is not a Marathon app id (path segments of a-z, 0-9, '-' and '.', for example /lights/bulbs)" },
        { "pipelines:bulbs:orchestrator:app", "/lights//bulbs", "pipelines.bulbs.orchestrator.app: '/lights//bulbs' is not a Marathon app id (path segments of a-z, 0-9, '-' and '.', for example /lights/bulbs)" },
        { "pipelines:bulbs:orchestrator:instances", "3", "pipelines.bulbs.orchestrator.instances: unknown setting (known here: kind, app)" },
        { "pipelines:bulbs:pod:containers:0:image", "x", "pipelines.bulbs.pod: must not be set for orchestrator kind 'marathon': " + MarathonOrchestratorProvider.PodDefinition },
        { "orchestrators:marathon:uri", "x", "orchestrators.marathon.uri: unknown setting (known here: url, username, password, requestTimeout)" },
        { "orchestrators:marathon:url", "marathon:8080", "orchestrators.marathon.url: 'marathon:8080' is not an http:// or https:// URI (for example http://127.0.0.1:8080)" },
        { "orchestrators:marathon:username", "ops", "orchestrators.marathon.password: is required with username (HTTP basic credentials)" },
        { "orchestrators:marathon:password", "secret", "orchestrators.marathon.username: is required with password (HTTP basic credentials)" },
        { "orchestrators:marathon:requestTimeout", "0ms", "orchestrators.marathon.requestTimeout: must be positive (was 0ms)" },
    };

    [Fact]
    public void Read_AppAndSection_ReachTheOrchestrator()
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings)
        {
            ["orchestrators:marathon:url"] = "https://marathon.example:8443",
            ["orchestrators:marathon:username"] = "ops",
            ["orchestrators:marathon:password"] = "secret",
            ["orchestrators:marathon:requestTimeout"] = "3s",
        });

        Assert.Empty(result.Errors);
        var marathon = Assert.IsType<MarathonPodOrchestrator>(result.Configuration!.Orchestrators["marathon"]);
        Assert.Equal(new MarathonPipelineSettings("/lights/bulbs"), marathon.Pipelines["bulbs"]);
        Assert.Equal(
            new MarathonOrchestratorOptions { Url = new Uri("https://marathon.example:8443"), Username = "ops", Password = "secret", RequestTimeout = TimeSpan.FromSeconds(3) },
            marathon.Options);
        var pod = Assert.Single(result.Configuration.Pipelines).Pod;
        Assert.True(pod.IsDefinedByEngine);
        Assert.Empty(marathon.Validate(pod));
    }

    [Theory]
    [InlineData("bulbs", "/bulbs")]
    [InlineData("/lights/bulbs/", "/lights/bulbs")]
    [InlineData("/team.a/bulbs-2", "/team.a/bulbs-2")]
    public void Read_AppId_IsMadeAbsolute(string written, string expected)
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings) { ["pipelines:bulbs:orchestrator:app"] = written });

        Assert.Empty(result.Errors);
        Assert.Equal(expected, Assert.IsType<MarathonPodOrchestrator>(result.Configuration!.Orchestrators["marathon"]).Pipelines["bulbs"].App);
    }

    [Fact]
    public void Read_NoSection_KeepsTheDefaults()
    {
        var result = Read(ValidSettings);

        Assert.Empty(result.Errors);
        Assert.Equal(new MarathonOrchestratorOptions(), Assert.IsType<MarathonPodOrchestrator>(result.Configuration!.Orchestrators["marathon"]).Options);
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Read_BadSetting_GivesOneMessageNamingThePath(string key, string? value, string expected)
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings) { [key] = value });

        Assert.Equal([expected], result.Errors);
        Assert.Null(result.Configuration);
    }

    public void Dispose() => _provider.Dispose();

    private ConfigurationResult Read(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Where(kv => kv.Value is not null)).Build();
        return new AgentConfigurationReader([new StubSourceProvider()], [_provider]).Read(configuration);
    }
}
