using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Agent.Composition;

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

        return Read(configuration, services);
    }

    /// <summary>Reads <paramref name="configuration"/> with the plugins registered in <paramref name="services"/>.</summary>
    public static ConfigurationResult Read(Microsoft.Extensions.Configuration.IConfiguration configuration, IServiceProvider services)
    {
        var reader = new AgentConfigurationReader(
            services.GetServices<ILagSourceProvider>(),
            services.GetServices<IPodOrchestratorProvider>());
        return reader.Read(configuration);
    }

    /// <summary>
    /// Checks <paramref name="path"/> with the shipped plugins; on errors writes them all to <paramref name="error"/>
    /// under a heading of the file and <paramref name="headingSuffix"/>, and returns null.
    /// </summary>
    public static async Task<AgentConfiguration?> CheckAsync(string path, TextWriter error, string headingSuffix)
    {
        var services = new ServiceCollection().AddLogging(l => l.ClearProviders());
        services.AddShippedPlugins();
        ConfigurationResult result;
        await using (var provider = services.BuildServiceProvider())
        {
            result = Run(path, provider);
        }

        if (result.Errors.Count == 0)
        {
            return result.Configuration;
        }

        await WriteErrorsAsync(path, result.Errors, error, headingSuffix).ConfigureAwait(false);
        return null;
    }

    /// <summary>Writes <paramref name="errors"/> to <paramref name="error"/> under a heading of the file and <paramref name="headingSuffix"/>.</summary>
    public static async Task WriteErrorsAsync(string path, IReadOnlyList<string> errors, TextWriter error, string headingSuffix)
    {
        await error.WriteLineAsync($"{path}: {errors.Count} error(s){headingSuffix}").ConfigureAwait(false);
        foreach (var problem in errors)
        {
            await error.WriteLineAsync($"  {problem}").ConfigureAwait(false);
        }
    }
}
