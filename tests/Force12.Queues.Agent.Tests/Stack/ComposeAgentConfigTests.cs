using Force12.Queues.Testing;
using YamlDotNet.RepresentationModel;
using static Force12.Queues.Agent.Tests.Stack.ComposeStackFile;

namespace Force12.Queues.Agent.Tests.Stack;

/// <summary>
/// compose/agent.yaml fits the stack: the agent accepts it, its pods join the stack's network, its source
/// reaches the stack's Kafka, and Prometheus scrapes the address it serves on.
/// </summary>
public sealed class ComposeAgentConfigTests
{
    private const string AgentConfig = "compose/agent.yaml";
    private static readonly YamlMappingNode Compose = Load(ComposeFile);
    private static readonly YamlMappingNode Agent = Load(AgentConfig);

    [Fact]
    public async Task AgentConfig_PassesTheAgentsValidate()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await AgentCli.RunAsync(["validate", "-c", Path.Combine(RepositoryPaths.Root, AgentConfig)], output, error);

        Assert.True(exitCode == 0, $"force12-agent validate -c {AgentConfig} exited {exitCode}:\n{output}{error}");
    }

    [Fact]
    public void AgentConfig_IsMountedWhereTheAgentServiceReadsIt()
    {
        var command = Sequence(Compose, "services", "agent", "command").Select(n => ((YamlScalarNode)n).Value).ToArray();
        var path = command[Array.IndexOf(command, "-c") + 1]!;

        Assert.Equal(Path.Combine(RepositoryPaths.Root, "compose", "agent.yaml"), RepositoryPathOf(Compose, "agent", path));
    }

    [Fact]
    public void BulbsPods_JoinTheStacksNetworkAndReachItsKafka()
    {
        var network = Text(Agent, "pipelines", "bulbs", "pod", "network");
        var kafka = Text(Agent, "pipelines", "bulbs", "source", "bootstrapServers");

        Assert.Equal(network, Text(Compose, "networks", "default", "name"));
        Assert.Equal("kafka:9092", kafka);
        Assert.Contains("PLAINTEXT://kafka:9092", Text(Compose, "services", "kafka", "environment", "KAFKA_ADVERTISED_LISTENERS"), StringComparison.Ordinal);
        foreach (var container in Sequence(Agent, "pipelines", "bulbs", "pod", "containers").Where(c => ((YamlMappingNode)c).Children.ContainsKey(new YamlScalarNode("env"))))
        {
            Assert.Equal(kafka, Text(container, "env", "BULBS_KAFKA"));
        }
    }

    [Fact]
    public void Prometheus_ScrapesTheAgentsAddress()
    {
        var prometheus = Load("compose/prometheus/prometheus.yml");
        var job = (YamlMappingNode)Sequence(prometheus, "scrape_configs")[0];
        var target = ((YamlScalarNode)Sequence(Sequence(job, "static_configs")[0], "targets")[0]).Value;
        var port = Text(Agent, "http", "address").Split(':')[^1];

        Assert.Equal("force12-agent", Text(job, "job_name"));
        Assert.Equal($"agent:{port}", target);
    }
}
