using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Processes;

/// <summary>Registers the <c>process</c> orchestrator.</summary>
public static class ProcessBuilderExtensions
{
    /// <summary>Lets pipelines use <c>orchestrator: process</c> (pods as groups of local processes).</summary>
    public static IForce12Builder AddProcesses(this IForce12Builder builder, ProcessOrchestratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new ProcessOrchestratorOptions();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPodOrchestrator, ProcessPodOrchestrator>(services =>
            new ProcessPodOrchestrator(
                options,
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILogger<ProcessPodOrchestrator>>())));
        return builder;
    }
}
