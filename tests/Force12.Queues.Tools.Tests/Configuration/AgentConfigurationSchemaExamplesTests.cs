using System.Text.Json;
using Json.Schema;

namespace Force12.Queues.Tools.Tests.Configuration;

/// <summary>
/// docs/schema/force12-agent.schema.json applied as an editor applies it: the example files in GoodConfigs (every key
/// once among them) pass both the schema and <c>force12 validate</c>, and bad files whose mistake the schema can see
/// (unknown keys, wrong types, a missing required key, an unknown kind) fail it.
/// </summary>
public sealed class AgentConfigurationSchemaExamplesTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Configuration");
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, "force12-agent.schema.json")));

    public static TheoryData<string> GoodFiles => new(Directory.GetFiles(Path.Combine(Folder, "GoodConfigs")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    public static TheoryData<string> BadFilesTheSchemaSees => new(
        "unknown-top-level-key.yaml", "unknown-pipeline-key.yaml", "unknown-pod-key.yaml", "unknown-container-key.yaml",
        "unknown-kafka-key.yaml", "wrong-type-duration.yaml", "wrong-type-whole-number.yaml", "wrong-type-flag.yaml",
        "policy-sla-missing.yaml", "capacity-missing.yaml", "source-kind-unknown.yaml", "orchestrator-unknown.yaml",
        "kafka-required-missing.yaml", "kinesis-ranges.yaml", "rabbitmq-queues-and-url.yaml", "docker-container-without-image.yaml",
        "pod-no-containers.yaml", "json-bad-values.json", "orchestrators-docker-endpoint-not-docker.yaml", "orchestrators-docker-bad-values.yaml",
        "orchestrators-docker-unknown-key.yaml", "orchestrators-unknown-kind.yaml", "orchestrators-process-bad-values.yaml",
        "orchestrators-process-stop-poll-not-duration.yaml", "orchestrator-mapping-unknown-key.yaml", "orchestrator-mapping-without-kind.yaml",
        "orchestrator-mapping-unknown-kind.yaml", "swarm-service-missing.yaml", "swarm-pod-set.yaml", "orchestrators-swarm-bad-values.yaml",
        "nomad-pipeline-settings.yaml", "orchestrators-nomad-bad-values.yaml",
        "marathon-pipeline-settings.yaml", "orchestrators-marathon-bad-values.yaml",
        "orchestrators-ecs-bad-values.yaml", "kubernetes-target-missing.yaml",
        "kubernetes-target-kind-unknown.yaml", "kubernetes-pod-section.yaml", "prometheus-bad-values.yaml");

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public async Task GoodFile_PassesTheSchemaAndValidate(string name)
    {
        var path = Path.Combine(Folder, "GoodConfigs", name);

        var results = Evaluate(path);
        var (exitCode, _, error) = await CliRunner.RunAsync("validate", "-c", path);

        Assert.True(results.IsValid, Describe(results));
        Assert.True(exitCode == ExitCodes.Success, error);
    }

    [Theory]
    [MemberData(nameof(BadFilesTheSchemaSees))]
    public void BadFile_FailsTheSchema(string name)
    {
        var results = Evaluate(Path.Combine(Folder, "BadConfigs", name));

        Assert.False(results.IsValid, $"{name} passed the schema");
    }

    private static EvaluationResults Evaluate(string path)
    {
        var text = File.ReadAllText(path);
        var json = path.EndsWith(".json", StringComparison.Ordinal) ? text : YamlToJson.Convert(text)!.ToJsonString();
        using var document = JsonDocument.Parse(json);
        return Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) => string.Join(Environment.NewLine,
        (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
}
