using System.Globalization;
using Force12.Queues.Core.Agent;
using Force12.Queues.Docker;
using Force12.Queues.Kafka.Configuration;
using Force12.Queues.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Force12.Queues.Tools.Demo;

/// <summary>The agent configuration of a demo scenario, read through the same reader as <c>force12 run</c>.</summary>
internal static class DemoSettings
{
    /// <summary>Every pipeline of <paramref name="scenario"/> on the embedded Kafka, with its pods as <paramref name="options"/> chose.</summary>
    public static IConfiguration For(DemoOptions options, DemoScenario scenario, string bootstrapServers, string stateDirectory, out Action<IServiceCollection> register)
    {
        var c = CultureInfo.InvariantCulture;
        var settings = new Dictionary<string, string?>
        {
            ["pollInterval"] = "1s",
            ["http:address"] = $"127.0.0.1:{options.Port}",
            ["capacity:podSlots"] = scenario.PodSlots.ToString(c),
        };
        foreach (var pipeline in scenario.Pipelines)
        {
            var prefix = $"pipelines:{pipeline.Name}:";
            settings[prefix + "priority"] = pipeline.Priority.ToString(c);
            settings[prefix + "sla"] = $"{pipeline.Sla.TotalSeconds.ToString(c)}s";
            settings[prefix + "minPods"] = pipeline.MinPods.ToString(c);
            settings[prefix + "maxPods"] = pipeline.Partitions.ToString(c);
            settings[prefix + "perPodThroughput"] = pipeline.PerPodThroughput.ToString(c);
            settings[prefix + "scaleDownStabilisation"] = "15s";
            settings[prefix + "source:kind"] = "kafka";
            settings[prefix + "source:bootstrapServers"] = bootstrapServers;
            settings[prefix + "source:group"] = pipeline.Name;
            settings[prefix + "source:topics:0"] = pipeline.Name;
            settings[prefix + "orchestrator"] = options.Orchestrator;
            foreach (var (key, value) in BulbsPod.Settings(options, pipeline, bootstrapServers, stateDirectory))
            {
                settings[$"{prefix}pod:{key}"] = value;
            }
        }

        var processes = new ProcessOrchestratorOptions { StateDirectory = Path.Combine(stateDirectory, "pods") };
        register = services => services.AddForce12().AddKafka().AddProcesses(processes).AddDocker();
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
