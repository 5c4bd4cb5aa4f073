using Force12.Queues.Testing;
using YamlDotNet.RepresentationModel;

namespace Force12.Queues.Agent.Tests.Stack;

/// <summary>compose/docker-compose.yml passes Debian's docker-compose (1.29, the Compose specification) validation.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ComposeFileTests
{
    private const string InstallHint = "run scripts/setup.sh (it installs Debian's docker-compose package).";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ComposeFile_PassesDockerComposeConfig()
    {
        var result = await ExternalTool.RunAsync("docker-compose", ["-f", ComposeStackFile.ComposeFile, "config", "--quiet"], InstallHint, Timeout);

        Assert.True(result.ExitCode == 0, $"docker-compose -f {ComposeStackFile.ComposeFile} config: {result}");
    }

    [Fact]
    public async Task ComposeFile_OnlyTheLoadgenIsInTheLoadProfileAndPlaysTheDuskSpike()
    {
        var result = await ExternalTool.RunAsync("docker-compose", ["-f", ComposeStackFile.ComposeFile, "config"], InstallHint, Timeout);
        Assert.True(result.ExitCode == 0, $"docker-compose -f {ComposeStackFile.ComposeFile} config: {result}");
        var stream = new YamlStream();
        stream.Load(new StringReader(result.Output));
        var services = ComposeStackFile.Mapping(stream.Documents[0].RootNode, "services");

        var profiled = services.Children.Where(s => ((YamlMappingNode)s.Value).Children.ContainsKey(new YamlScalarNode("profiles"))).Select(s => ((YamlScalarNode)s.Key).Value ?? "").ToArray();
        var command = ComposeStackFile.Sequence(services, "loadgen", "command").Select(n => ((YamlScalarNode)n).Value ?? "").ToArray();

        Assert.Equal(["loadgen"], profiled);
        Assert.Equal(["load"], ComposeStackFile.Sequence(services, "loadgen", "profiles").Select(n => ((YamlScalarNode)n).Value ?? ""));
        Assert.Equal(["agent", "grafana", "kafka", "kafka-topics", "loadgen", "prometheus"], services.Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? "").Order(StringComparer.Ordinal));
        Assert.Equal("dusk", command[Array.IndexOf(command, "--pattern") + 1]);
        Assert.Equal("kafka:9092", command[Array.IndexOf(command, "--bootstrap-servers") + 1]);
    }
}
