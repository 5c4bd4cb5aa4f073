using Force12.Queues.Core.Pods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Processes;

/// <summary>Registers the process orchestrator (kind <c>process</c>) as one of the <see cref="IPodOrchestrator"/> services.</summary>
public static class ProcessServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ProcessPodOrchestrator"/> with <paramref name="options"/> (defaults when <c>null</c>) and
    /// <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered; start latency goes to a registered <see cref="PodMetrics"/>, if any. Adding it twice keeps one.
    /// </summary>
    public static IServiceCollection AddProcessPodOrchestrator(this IServiceCollection services, ProcessOrchestratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = options ?? new ProcessOrchestratorOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPodOrchestrator, ProcessPodOrchestrator>(provider => new ProcessPodOrchestrator(
            settings,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<ProcessPodOrchestrator>>() ?? NullLogger<ProcessPodOrchestrator>.Instance,
            provider.GetService<PodMetrics>())));
        return services;
    }
}
