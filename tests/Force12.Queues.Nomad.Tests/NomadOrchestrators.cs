using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Nomad.Tests;

/// <summary>Builds nomad orchestrators the way the agent does: through the provider, from configuration sections.</summary>
internal static class NomadOrchestrators
{
    /// <summary>An orchestrator on <paramref name="nomad"/> for one pipeline; throws with the reader's errors when a setting is bad.</summary>
    public static NomadPodOrchestrator Create(
        NomadOrchestratorProvider provider, NomadApiDouble nomad, string pipeline, string job, string group, string ns = "default", string? token = null)
    {
        var errors = new List<string>();
        var section = new Dictionary<string, string?> { ["address"] = nomad.Address.ToString(), ["namespace"] = ns, ["token"] = token };
        var orchestrator = provider.Create(Reader(section, "orchestrators.nomad", errors), new Dictionary<string, OrchestratorPipelineSettings>
        {
            [pipeline] = new NomadPipelineSettings(job, group),
        });
        Assert.Empty(errors);
        return Assert.IsType<NomadPodOrchestrator>(orchestrator);
    }

    /// <summary>A provider with fast retries (tests wait for them).</summary>
    public static NomadOrchestratorProvider Provider() =>
        new(new NomadOrchestratorOptions { DeploymentRetryBackoff = TimeSpan.FromMilliseconds(20) }, TimeProvider.System, NullLoggerFactory.Instance);

    /// <summary>A reader over <paramref name="values"/> (null values left out) reporting under <paramref name="path"/>.</summary>
    public static SectionReader Reader(IReadOnlyDictionary<string, string?> values, string path, List<string> errors)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Where(kv => kv.Value is not null).Select(kv => KeyValuePair.Create("s:" + kv.Key, kv.Value)))
            .Build();
        return new SectionReader(configuration.GetSection("s"), path, errors);
    }
}
