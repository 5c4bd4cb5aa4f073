using Force12.Queues.Agent.Composition;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Agent.Tests.Composition;

public sealed class AgentHostTests
{
    private static readonly Dictionary<string, string?> Pipeline = new()
    {
        ["capacity:podSlots"] = "4",
        ["pipelines:bulbs:sla"] = "10s",
        ["pipelines:bulbs:minPods"] = "1",
        ["pipelines:bulbs:maxPods"] = "3",
        ["pipelines:bulbs:source:kind"] = "kafka",
        ["pipelines:bulbs:source:bootstrapServers"] = "127.0.0.1:9092",
        ["pipelines:bulbs:source:group"] = "bulbs",
        ["pipelines:bulbs:source:topics:0"] = "bulbs",
        ["pipelines:bulbs:orchestrator"] = "process",
        ["pipelines:bulbs:pod:containers:0:name"] = "main",
        ["pipelines:bulbs:pod:containers:0:command"] = "sleep",
    };

    [Fact]
    public async Task BuildAsync_ValidConfiguration_ReadsItWithThePluginsOfTheContainerThatRuns()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(Pipeline).Build();
        var readWith = new List<ILagSourceProvider>();

        var build = await AgentHost.BuildAsync(
            services =>
            {
                readWith.AddRange(services.GetServices<ILagSourceProvider>());
                return AgentConfigurationCheck.Read(settings, services);
            },
            new AgentRunOptions(),
            services => services.AddShippedPlugins(),
            logging => logging.ClearProviders());

        Assert.Empty(build.Errors);
        Assert.NotNull(build.App);
        await using var app = build.App;
        Assert.Equal(readWith, app.Services.GetServices<ILagSourceProvider>());
        Assert.Same(app.Services.GetRequiredService<ConfigurationResult>().Configuration, app.Services.GetRequiredService<AgentConfiguration>());
        Assert.Equal("bulbs", Assert.Single(app.Services.GetRequiredService<AgentConfiguration>().Pipelines).Name);
    }

    [Fact]
    public async Task BuildAsync_InvalidConfiguration_GivesEveryErrorAndNoApplication()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(Pipeline)
        {
            ["capacity:podSlots"] = "0",
            ["pipelines:bulbs:orchestrator"] = "kube",
        }).Build();

        var build = await BuildAsync(settings);

        Assert.Null(build.App);
        Assert.Contains(build.Errors, e => e.Contains("podSlots", StringComparison.Ordinal));
        Assert.Contains(build.Errors, e => e.Contains("kube", StringComparison.Ordinal));
    }

    [Fact]
    [Trait(TestCategories.Key, TestCategories.Integration)] // starts a real process
    public async Task BuildAsync_OrchestratorSettingsInTheFile_BuildTheOrchestratorsTheAgentRuns()
    {
        var stateDirectory = Directory.CreateTempSubdirectory("force12-agent-state-").FullName;
        try
        {
            var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(Pipeline)
            {
                ["orchestrators:process:stateDirectory"] = stateDirectory,
                ["orchestrators:docker:endpoint"] = "tcp://127.0.0.1:1",
            }).Build();

            var build = await BuildAsync(settings);

            Assert.Empty(build.Errors);
            await using var app = build.App!;
            var configuration = app.Services.GetRequiredService<AgentConfiguration>();
            Assert.Equal(["docker", "process"], configuration.Orchestrators.Keys.Order(StringComparer.Ordinal));
            var pipeline = Assert.Single(configuration.Pipelines);
            var orchestrator = configuration.Orchestrators[pipeline.OrchestratorKind];
            var pod = Assert.Single((await orchestrator.ScaleAsync(pipeline.Pod with { Containers = [pipeline.Pod.Containers[0] with { Args = ["30"] }] }, 1)).Started);
            Assert.True(File.Exists(Path.Combine(stateDirectory, "bulbs", pod.Id, "pod.json")), "the pod is not recorded in orchestrators.process.stateDirectory");
            await orchestrator.ScaleAsync(pipeline.Pod, 0);
        }
        finally
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
    }

    /// <summary>Builds the agent host as `run` does, with the shipped plugins and no log output.</summary>
    private static Task<AgentHostBuild> BuildAsync(IConfiguration settings) => AgentHost.BuildAsync(
        services => AgentConfigurationCheck.Read(settings, services),
        new AgentRunOptions(),
        services => services.AddShippedPlugins(),
        logging => logging.ClearProviders());
}
