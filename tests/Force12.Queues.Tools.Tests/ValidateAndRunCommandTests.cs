namespace Force12.Queues.Tools.Tests;

public sealed class ValidateAndRunCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("force12-cli-").FullName;

    [Fact]
    public async Task Validate_GoodYaml_SucceedsAndDescribesThePipelineWithoutSecrets()
    {
        var path = Write("good.yaml", GoodYaml);

        var (exitCode, output, error) = await CliRunner.RunAsync("validate", "-c", path);

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains("bulbs (kafka 127.0.0.1:9092 group bulbs, topics bulbs; process)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ManyProblems_ListsEveryOneAndExits2()
    {
        var path = Write("bad.yaml", """
            capacity:
              podSlots: 0
            pipelines:
              bulbs:
                sla: 0s
                source:
                  kind: kafka
                  bootstrapServers: 127.0.0.1:9092
                  resetPolicy: newest
                orchestrator: kube
                pod:
                  containers:
                    - name: main
                      command: sleep
            """);

        var (exitCode, _, error) = await CliRunner.RunAsync("validate", "-c", path);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("capacity.podSlots: must be >= 1 (was 0)", error, StringComparison.Ordinal);
        Assert.Contains("pipelines.bulbs.sla: must be positive (was 0s)", error, StringComparison.Ordinal);
        Assert.Contains("pipelines.bulbs.source.group: is required", error, StringComparison.Ordinal);
        Assert.Contains("pipelines.bulbs.source.resetPolicy: 'newest' is not one of earliest, latest", error, StringComparison.Ordinal);
        Assert.Contains("pipelines.bulbs.orchestrator: unknown kind 'kube' (known: docker, ecs, keda, kubernetes, marathon, nomad, process, swarm)", error, StringComparison.Ordinal);
        Assert.Contains("5 error(s)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnknownGroupBacklogWithoutTopics_Exits2NamingPipelineAndField()
    {
        var path = Write("backlog.yaml", GoodYaml.Replace("topics: [bulbs]", "unknownGroup: backlog", StringComparison.Ordinal));

        var (exitCode, _, error) = await CliRunner.RunAsync("validate", "-c", path);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains(
            "pipelines.bulbs.source.unknownGroup: 'backlog' needs topics or topicPattern: a group that never committed has no topics of its own to watch",
            error, StringComparison.Ordinal);
        Assert.Contains("1 error(s)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnknownGroupUnknownValue_Exits2ListingTheChoices()
    {
        var path = Write("sometimes.yaml", GoodYaml.Replace("topics: [bulbs]", "topics: [bulbs]\n      unknownGroup: sometimes", StringComparison.Ordinal));

        var (exitCode, _, error) = await CliRunner.RunAsync("validate", "-c", path);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("pipelines.bulbs.source.unknownGroup: 'sometimes' is not one of error, backlog", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenYaml_Exits2NamingTheFileLineAndColumn()
    {
        var path = Write("broken.yaml", "pipelines:\n  bulbs: [unclosed\n");

        var (exitCode, _, error) = await CliRunner.RunAsync("validate", "-c", path);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains($"  {path}:3:1: While parsing a flow sequence, did not find expected ',' or ']'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BrokenJson_Exits2NamingTheFileLineAndColumnAndStartsNothing()
    {
        var path = Write("broken.json", "{\n  \"capacity\": { \"podSlots\": 4 }\n  \"pipelines\": {}\n}\n");

        var (exitCode, _, error) = await CliRunner.RunAsync("run", "-c", path);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("nothing was started", error, StringComparison.Ordinal);
        Assert.Contains($"  {path}:3:3: '\"' is invalid after a value. Expected either ',', '}}', or ']'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_Exits2()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("validate", "-c", Path.Combine(_folder, "nope.yaml"));

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InvalidConfiguration_Exits2AndStartsNoProcess()
    {
        var marker = Path.Combine(_folder, "started");
        var path = Write("bad-run.yaml", GoodYaml.Replace("maxPods: 3", "maxPods: 0", StringComparison.Ordinal)
            .Replace("command: sleep", $"command: touch\n          args: [\"{marker}\"]", StringComparison.Ordinal));

        var (exitCode, _, error) = await CliRunner.RunAsync("run", "-c", path);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("nothing was started", error, StringComparison.Ordinal);
        Assert.Contains("pipelines.bulbs.maxPods: must be >= 1", error, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "a pod process ran although the configuration was invalid");
    }

    [Fact]
    public async Task Validate_EnvironmentOverride_WinsOverTheFile()
    {
        var path = Write("env.yaml", GoodYaml);
        Environment.SetEnvironmentVariable("FORCE12__pipelines__bulbs__maxPods", "0");
        try
        {
            var (exitCode, _, error) = await CliRunner.RunAsync("validate", "-c", path);

            Assert.Equal(ExitCodes.BadArguments, exitCode);
            Assert.Contains("pipelines.bulbs.maxPods: must be >= 1 and >= minPods (1) (was 0)", error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("FORCE12__pipelines__bulbs__maxPods", null);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string GoodYaml = """
        capacity:
          podSlots: 4
        pipelines:
          bulbs:
            sla: 10s
            minPods: 1
            maxPods: 3
            source:
              kind: kafka
              bootstrapServers: 127.0.0.1:9092
              group: bulbs
              topics: [bulbs]
              client:
                sasl.password: hunter2
            orchestrator: process
            pod:
              containers:
                - name: main
                  command: sleep
        """;

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
