using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.DependencyInjection;

namespace Force12.Queues.Cli.Agent;

/// <summary>Loads and validates a configuration file with every shipped plugin; starts nothing.</summary>
internal static class AgentConfigurationCheck
{
    /// <summary>Returns the configuration, or every error (file, syntax, or field problems) at once.</summary>
    public static ConfigurationResult Run(string path, IServiceProvider services)
    {
        var (configuration, loadError) = AgentConfigurationLoader.Load(path);
        if (configuration is null)
        {
            return ConfigurationResult.Invalid([loadError!]);
        }

        var reader = new AgentConfigurationReader(
            services.GetServices<ILagSourceProvider>(),
            services.GetServices<IPodOrchestrator>());
        return reader.Read(configuration);
    }
}
