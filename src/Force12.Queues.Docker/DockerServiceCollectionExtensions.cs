using Docker.DotNet;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Docker;

/// <summary>Registers the Docker orchestrator (kind <c>docker</c>) as one of the <see cref="IPodOrchestrator"/> services.</summary>
public static class DockerServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="DockerPodOrchestrator"/> with <paramref name="options"/> (defaults when <c>null</c>), a Docker client for
    /// <see cref="DockerOrchestratorOptions.Endpoint"/> (disposed with the container) and <see cref="TimeProvider.System"/>
    /// unless a <see cref="TimeProvider"/> is registered; start latency goes to a registered <see cref="PodMetrics"/>, if any. Adding it twice keeps one.
    /// </summary>
    public static IServiceCollection AddDockerPodOrchestrator(this IServiceCollection services, DockerOrchestratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = options ?? new DockerOrchestratorOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDockerClient>(_ => new DockerClientConfiguration(settings.Endpoint).CreateClient());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPodOrchestrator, DockerPodOrchestrator>(provider => new DockerPodOrchestrator(
            provider.GetRequiredService<IDockerClient>(),
            settings,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<DockerPodOrchestrator>>() ?? NullLogger<DockerPodOrchestrator>.Instance,
            provider.GetService<PodMetrics>())));
        return services;
    }
}
