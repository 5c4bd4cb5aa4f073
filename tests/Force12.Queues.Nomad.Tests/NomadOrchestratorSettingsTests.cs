using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Force12.Queues.Testing.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Nomad.Tests;

/// <summary><c>orchestrators.nomad</c> and a pipeline's <c>orchestrator: { kind: nomad, job, group }</c>, read as the agent reads them.</summary>
public sealed class NomadOrchestratorSettingsTests : IDisposable
{
    private static readonly Dictionary<string, string?> ValidSettings = new()
    {
        ["capacity:podSlots"] = "20",
        ["pipelines:bulbs:sla"] = "10s",
        ["pipelines:bulbs:source:kind"] = "stub",
        ["pipelines:bulbs:source:group"] = "bulbs",
        ["pipelines:bulbs:orchestrator:kind"] = "nomad",
        ["pipelines:bulbs:orchestrator:job"] = "bulbs",
        ["pipelines:bulbs:orchestrator:group"] = "processor",
    };

    private readonly NomadOrchestratorProvider _provider = new(new NomadOrchestratorOptions(), TimeProvider.System, NullLoggerFactory.Instance);

    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "pipelines:bulbs:orchestrator:job", null, "pipelines.bulbs.orchestrator.job: is required" },
        { "pipelines:bulbs:orchestrator:group", null, "pipelines.bulbs.orchestrator.group: is required" },
        { "pipelines:bulbs:orchestrator:grup", "x", "pipelines.bulbs.orchestrator.grup: unknown setting (known here: kind, job, group)" },
        { "pipelines:bulbs:pod:containers:0:image", "x", "pipelines.bulbs.pod: must not be set for orchestrator kind 'nomad': " + NomadOrchestratorProvider.PodDefinition },
        { "orchestrators:nomad:adress", "x", "orchestrators.nomad.adress: unknown setting (known here: address, token, tokenFile, namespace, region, requestTimeout)" },
        { "orchestrators:nomad:address", "127.0.0.1:4646", "orchestrators.nomad.address: '127.0.0.1:4646' is not an http:// or https:// URI (for example http://127.0.0.1:4646)" },
        { "orchestrators:nomad:address", "unix:///run/nomad.sock", "orchestrators.nomad.address: 'unix:///run/nomad.sock' is not an http:// or https:// URI (for example http://127.0.0.1:4646)" },
        { "orchestrators:nomad:requestTimeout", "0s", "orchestrators.nomad.requestTimeout: must be positive (was 0s)" },
        { "orchestrators:nomad:tokenFile", "/nonexistent/nomad-token", "orchestrators.nomad.tokenFile: '/nonexistent/nomad-token' cannot be read: Could not find a part of the path '/nonexistent/nomad-token'." },
    };

    [Fact]
    public void Read_JobAndGroup_ReachTheOrchestratorWithEveryAgentWideSetting()
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings)
        {
            ["orchestrators:nomad:address"] = "https://nomad.example:4646",
            ["orchestrators:nomad:token"] = "secret",
            ["orchestrators:nomad:namespace"] = "team-a",
            ["orchestrators:nomad:region"] = "eu",
            ["orchestrators:nomad:requestTimeout"] = "3s",
        });

        Assert.Empty(result.Errors);
        var nomad = Assert.IsType<NomadPodOrchestrator>(result.Configuration!.Orchestrators["nomad"]);
        Assert.Equal(new NomadPipelineSettings("bulbs", "processor"), nomad.Pipelines["bulbs"]);
        Assert.Equal(
            new NomadOrchestratorOptions { Address = new Uri("https://nomad.example:4646"), Token = "secret", Namespace = "team-a", Region = "eu", RequestTimeout = TimeSpan.FromSeconds(3) },
            nomad.Options);
        var pod = Assert.Single(result.Configuration.Pipelines).Pod;
        Assert.True(pod.IsDefinedByEngine);
        Assert.Empty(nomad.Validate(pod));
    }

    [Fact]
    public void Read_NoSection_KeepsTheDefaults()
    {
        var result = Read(ValidSettings);

        Assert.Empty(result.Errors);
        Assert.Equal(new NomadOrchestratorOptions(), Assert.IsType<NomadPodOrchestrator>(result.Configuration!.Orchestrators["nomad"]).Options);
    }

    [Fact]
    public void Read_TokenFile_IsReadTrimmed()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "from-file\n");

            var result = Read(new Dictionary<string, string?>(ValidSettings) { ["orchestrators:nomad:tokenFile"] = file });

            Assert.Empty(result.Errors);
            Assert.Equal("from-file", Assert.IsType<NomadPodOrchestrator>(result.Configuration!.Orchestrators["nomad"]).Options.Token);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Read_TokenAndTokenFile_IsOneErrorNamingTokenFile()
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings) { ["orchestrators:nomad:token"] = "a", ["orchestrators:nomad:tokenFile"] = "/tmp/b" });

        Assert.Equal(["orchestrators.nomad.tokenFile: must not be set together with token"], result.Errors);
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Read_BadSetting_GivesOneMessageNamingThePath(string key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>(ValidSettings) { [key] = value };

        var result = Read(settings);

        Assert.Equal([expected], result.Errors);
        Assert.Null(result.Configuration);
    }

    [Fact]
    public void Validate_TemplateWithContainers_IsRejectedNamingThePod()
    {
        var nomad = Assert.IsType<NomadPodOrchestrator>(Read(ValidSettings).Configuration!.Orchestrators["nomad"]);
        var template = new PodTemplate { Pipeline = "bulbs", Containers = [new ContainerTemplate { Name = "c", Image = "i" }] };

        Assert.Equal(["pipelines.bulbs.pod: must not be set for orchestrator kind 'nomad': " + NomadOrchestratorProvider.PodDefinition], nomad.Validate(template));
    }

    public void Dispose() => _provider.Dispose();

    private ConfigurationResult Read(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Where(kv => kv.Value is not null)).Build();
        return new AgentConfigurationReader([new StubSourceProvider()], [_provider]).Read(configuration);
    }
}
