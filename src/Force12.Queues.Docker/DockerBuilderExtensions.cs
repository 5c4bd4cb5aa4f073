using Docker.DotNet;
using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Docker;

/// <summary>Registers the <c>docker</c> orchestrator.</summary>
public static class DockerBuilderExtensions
{
    /// <summary>
    /// Lets pipelines use <c>orchestrator: docker</c>. The Docker client is created when first used; nothing
    /// connects to the daemon while configuration is only being validated.
    /// </summary>
    public static IForce12Builder AddDocker(this IForce12Builder builder, DockerOrchestratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new DockerOrchestratorOptions();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPodOrchestrator, DockerPodOrchestrator>(services =>
            new DockerPodOrchestrator(
                new DockerClientConfiguration(options.Endpoint).CreateClient(),
                options,
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILogger<DockerPodOrchestrator>>())));
        return builder;
    }
}
