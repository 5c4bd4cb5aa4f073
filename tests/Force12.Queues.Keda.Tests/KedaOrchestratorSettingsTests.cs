using System.Net;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Testing.Configuration;
using Microsoft.Extensions.Configuration;

namespace Force12.Queues.Keda.Tests;

/// <summary><c>orchestrators.keda</c> and a pipeline's <c>orchestrator: keda</c>, read as the agent reads them.</summary>
public sealed class KedaOrchestratorSettingsTests
{
    private static readonly Dictionary<string, string?> ValidSettings = new()
    {
        ["capacity:podSlots"] = "20",
        ["pipelines:bulbs:sla"] = "10s",
        ["pipelines:bulbs:source:kind"] = "stub",
        ["pipelines:bulbs:source:group"] = "bulbs",
        ["pipelines:bulbs:orchestrator"] = "keda",
    };

    private readonly KedaOrchestratorProvider _provider = new(new KedaOrchestratorOptions(), TimeProvider.System);

    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "orchestrators:keda:grpcAddress", "keda-scaler:9090", "orchestrators.keda.grpcAddress: 'keda-scaler:9090' is not an IP address with a port, for example 0.0.0.0:9090" },
        { "orchestrators:keda:grpcAddress", "0.0.0.0", "orchestrators.keda.grpcAddress: '0.0.0.0' is not an IP address with a port, for example 0.0.0.0:9090" },
        { "orchestrators:keda:address", "0.0.0.0:9090", "orchestrators.keda.address: unknown setting (known here: grpcAddress)" },
        { "pipelines:bulbs:pod:containers:0:image", "x", "pipelines.bulbs.pod: must not be set for orchestrator kind 'keda': " + KedaOrchestratorProvider.PodDefinition },
    };

    [Fact]
    public void Read_KindAndSection_ReachTheOrchestrator()
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings) { ["orchestrators:keda:grpcAddress"] = "0.0.0.0:9191" });

        Assert.Empty(result.Errors);
        var keda = Assert.IsType<KedaPodOrchestrator>(result.Configuration!.Orchestrators["keda"]);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 9191), keda.Options.GrpcAddress);
        var pipeline = Assert.Single(result.Configuration.Pipelines);
        Assert.Equal("keda", pipeline.OrchestratorKind);
        Assert.True(pipeline.Pod.IsDefinedByEngine);
    }

    [Fact]
    public void Read_NoSection_KeepsTheDefaultLoopbackAddress()
    {
        var result = Read(ValidSettings);

        Assert.Empty(result.Errors);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 9090), Assert.IsType<KedaPodOrchestrator>(result.Configuration!.Orchestrators["keda"]).Options.GrpcAddress);
    }

    [Fact]
    public void Read_MappingWithAnotherKey_NamesThePath()
    {
        var settings = new Dictionary<string, string?>(ValidSettings) { ["pipelines:bulbs:orchestrator"] = null, ["pipelines:bulbs:orchestrator:kind"] = "keda", ["pipelines:bulbs:orchestrator:name"] = "bulbs" };

        Assert.Equal(["pipelines.bulbs.orchestrator.name: unknown setting (known here: kind)"], Read(settings).Errors);
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Read_BadSetting_GivesOneMessageNamingThePath(string key, string? value, string expected)
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings) { [key] = value });

        Assert.Equal([expected], result.Errors);
        Assert.Null(result.Configuration);
    }

    private ConfigurationResult Read(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Where(kv => kv.Value is not null)).Build();
        return new AgentConfigurationReader([new StubSourceProvider()], [_provider]).Read(configuration);
    }
}
