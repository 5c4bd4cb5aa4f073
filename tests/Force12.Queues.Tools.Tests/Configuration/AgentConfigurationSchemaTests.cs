using System.Text.Json;
using Force12.Queues.Agent.Composition;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Tools.Tests.Configuration;

/// <summary>
/// docs/schema/force12-agent.schema.json against the readers, both ways: every key a reader accepts (from the key
/// tables the readers use, and the keys each shipped source kind and orchestrator kind declares) is in the schema, and
/// every key in the schema is accepted by a reader.
/// </summary>
public sealed class AgentConfigurationSchemaTests
{
    private static readonly JsonElement Schema = LoadSchema();

    public static TheoryData<string, string[]> Sections => new()
    {
        { "#", [.. AgentKeys.All] },
        { "#/properties/http", [.. HttpKeys.All] },
        { "#/properties/metrics", [.. MetricsKeys.All] },
        { "#/properties/capacity", [.. CapacityKeys.All] },
        { "#/properties/leaderElection", [.. LeaderElectionKeys.All] },
        { "#/definitions/pipeline", [.. PipelineKeys.All] },
        { "#/definitions/forecast", [.. ForecastKeys.All] },
        { "#/definitions/pod", [.. PodKeys.All] },
        { "#/definitions/container", [.. ContainerKeys.All] },
        { "#/definitions/mount", [.. MountKeys.All] },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Section_SchemaListsExactlyTheKeysTheReaderAccepts(string location, string[] readerKeys)
    {
        var section = Resolve(location);

        Assert.Equal(readerKeys.Order(StringComparer.Ordinal), PropertyNames(section).Order(StringComparer.Ordinal));
        Assert.False(section.GetProperty("additionalProperties").GetBoolean(), $"{location} must reject unknown keys as the reader does");
    }

    [Fact]
    public void SourceKinds_SchemaListsExactlyTheKeysEachShippedProviderAccepts()
    {
        using var services = ShippedPlugins();
        var providers = services.GetServices<ILagSourceProvider>().ToDictionary(p => p.Kind, StringComparer.Ordinal);
        var source = Resolve("#/definitions/source");
        var kindsInSchema = source.GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(k => k.GetString()!).ToArray();
        var branches = source.GetProperty("allOf").EnumerateArray()
            .ToDictionary(b => b.GetProperty("if").GetProperty("properties").GetProperty("kind").GetProperty("const").GetString()!,
                b => Resolve(b.GetProperty("then").GetProperty("$ref").GetString()!), StringComparer.Ordinal);

        Assert.Equal(providers.Keys.Order(StringComparer.Ordinal), kindsInSchema.Order(StringComparer.Ordinal));
        Assert.Equal(providers.Keys.Order(StringComparer.Ordinal), branches.Keys.Order(StringComparer.Ordinal));
        foreach (var (kind, provider) in providers)
        {
            Assert.Equal(provider.Keys.Order(StringComparer.Ordinal), PropertyNames(branches[kind]).Order(StringComparer.Ordinal));
            Assert.Equal(kind, branches[kind].GetProperty("properties").GetProperty(SourceKeys.Kind).GetProperty("const").GetString());
        }
    }

    [Fact]
    public void OrchestratorKinds_SchemaListsExactlyTheKeysEachShippedProviderAccepts()
    {
        using var services = ShippedPlugins();
        var providers = services.GetServices<IPodOrchestratorProvider>().ToDictionary(p => p.Kind, StringComparer.Ordinal);
        var kinds = providers.Keys.Order(StringComparer.Ordinal).ToArray();
        var kindsInSchema = Resolve("#/definitions/orchestratorKind").GetProperty("enum").EnumerateArray().Select(k => k.GetString()!);
        var sections = Resolve("#/properties/orchestrators");
        var branches = Resolve("#/definitions/pipelineOrchestrator").GetProperty("allOf").EnumerateArray()
            .ToDictionary(b => b.GetProperty("if").GetProperty("properties").GetProperty(OrchestratorKeys.Kind).GetProperty("const").GetString()!,
                b => Resolve(b.GetProperty("then").GetProperty("$ref").GetString()!), StringComparer.Ordinal);

        Assert.Equal(kinds, kindsInSchema.Order(StringComparer.Ordinal));
        Assert.Equal(kinds, PropertyNames(sections).Order(StringComparer.Ordinal));
        Assert.False(sections.GetProperty("additionalProperties").GetBoolean(), "orchestrators must reject unknown kinds as the reader does");
        Assert.Equal(kinds, branches.Keys.Order(StringComparer.Ordinal));
        foreach (var (kind, provider) in providers)
        {
            var section = Resolve(sections.GetProperty("properties").GetProperty(kind).GetProperty("$ref").GetString()!);
            Assert.Equal(provider.Keys.Order(StringComparer.Ordinal), PropertyNames(section).Order(StringComparer.Ordinal));
            Assert.False(section.GetProperty("additionalProperties").GetBoolean(), $"orchestrators.{kind} must reject unknown keys");
            Assert.Equal(provider.PipelineKeys.Order(StringComparer.Ordinal), PropertyNames(branches[kind]).Order(StringComparer.Ordinal));
            Assert.False(branches[kind].GetProperty("additionalProperties").GetBoolean(), $"a {kind} pipeline orchestrator must reject unknown keys");
            Assert.Equal(kind, branches[kind].GetProperty("properties").GetProperty(OrchestratorKeys.Kind).GetProperty("const").GetString());
        }
    }

    [Fact]
    public void References_AllResolve()
    {
        var references = new List<string>();
        Collect(Schema, references);

        Assert.NotEmpty(references);
        Assert.All(references, r => Resolve(r));
    }

    private static ServiceProvider ShippedPlugins()
    {
        var services = new ServiceCollection().AddLogging(l => l.ClearProviders());
        services.AddShippedPlugins();
        return services.BuildServiceProvider();
    }

    private static IEnumerable<string> PropertyNames(JsonElement section) =>
        section.GetProperty("properties").EnumerateObject().Select(p => p.Name);

    private static JsonElement Resolve(string pointer)
    {
        var element = Schema;
        foreach (var part in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            element = element.GetProperty(part);
        }

        return element;
    }

    private static void Collect(JsonElement element, List<string> references)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "$ref")
                {
                    references.Add(property.Value.GetString()!);
                }

                Collect(property.Value, references);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, references);
            }
        }
    }

    private static JsonElement LoadSchema()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Configuration", "force12-agent.schema.json")));
        return document.RootElement.Clone();
    }
}
