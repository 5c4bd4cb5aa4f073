using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Processes;

/// <summary>Registers the <c>process</c> orchestrator kind on the agent's builder.</summary>
public static class ProcessBuilderExtensions
{
    /// <summary>
    /// Lets pipelines use <c>orchestrator: process</c> (pods as groups of local processes): registers the
    /// <see cref="ProcessOrchestratorProvider"/>, which creates the orchestrator from the configuration's
    /// <c>orchestrators.process</c> section; <paramref name="options"/> (defaults when null) gives the value of every
    /// key the section leaves out. Adding it twice keeps the first. To build a <see cref="ProcessPodOrchestrator"/>
    /// directly from the container, see <see cref="ProcessServiceCollectionExtensions.AddProcessPodOrchestrator"/>.
    /// </summary>
    public static IForce12Builder AddProcesses(this IForce12Builder builder, ProcessOrchestratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var defaults = options ?? new ProcessOrchestratorOptions();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPodOrchestratorProvider, ProcessOrchestratorProvider>(services => new ProcessOrchestratorProvider(
            defaults,
            services.GetRequiredService<TimeProvider>(),
            services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            services.GetService<PodMetrics>())));
        return builder;
    }
}
