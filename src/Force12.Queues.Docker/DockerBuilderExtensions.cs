using Force12.Queues.Core.Agent;

namespace Force12.Queues.Docker;

/// <summary>Registers the <c>docker</c> orchestrator on the agent's builder.</summary>
public static class DockerBuilderExtensions
{
    /// <summary>
    /// Lets pipelines use <c>orchestrator: docker</c> (see <see cref="DockerServiceCollectionExtensions.AddDockerPodOrchestrator"/>).
    /// Nothing connects to the daemon while configuration is only being validated.
    /// </summary>
    public static IForce12Builder AddDocker(this IForce12Builder builder, DockerOrchestratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDockerPodOrchestrator(options);
        return builder;
    }
}
