using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Marathon.Tests;

/// <summary>Builds marathon orchestrators the way the agent does: through the provider, from a configuration section.</summary>
internal static class MarathonOrchestrators
{
    /// <summary>An orchestrator on <paramref name="marathon"/> for one pipeline whose app is <paramref name="app"/>.</summary>
    public static MarathonPodOrchestrator Create(
        MarathonOrchestratorProvider provider, MarathonApiDouble marathon, string pipeline, string app, string? username = null, string? password = null)
    {
        var errors = new List<string>();
        var values = new Dictionary<string, string?> { ["s:url"] = marathon.Url.ToString(), ["s:username"] = username, ["s:password"] = password };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.Where(kv => kv.Value is not null)).Build();
        var orchestrator = provider.Create(new SectionReader(configuration.GetSection("s"), "orchestrators.marathon", errors), new Dictionary<string, OrchestratorPipelineSettings>
        {
            [pipeline] = new MarathonPipelineSettings(app),
        });
        Assert.Empty(errors);
        return Assert.IsType<MarathonPodOrchestrator>(orchestrator);
    }

    /// <summary>A provider with fast retries (tests wait for them).</summary>
    public static MarathonOrchestratorProvider Provider() =>
        new(new MarathonOrchestratorOptions { LockedRetryBackoff = TimeSpan.FromMilliseconds(20) }, TimeProvider.System, NullLoggerFactory.Instance);
}
