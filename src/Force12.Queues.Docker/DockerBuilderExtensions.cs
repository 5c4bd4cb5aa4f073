using Force12.Queues.Core.Agent;

namespace Force12.Queues.Docker;

/// <summary>Registers the <c>docker</c> orchestrator kind on the agent's builder.</summary>
public static class DockerBuilderExtensions
{
    /// <summary>
    /// Lets pipelines use <c>orchestrator: docker</c>: registers the <see cref="DockerOrchestratorProvider"/>, which
    /// creates the orchestrator from the configuration's <c>orchestrators.docker</c> section; <paramref name="options"/>
    /// (defaults when null) gives the value of every key the section leaves out. Nothing connects to the daemon while
    /// configuration is only being validated. Adding it twice keeps the first. To build a
    /// <see cref="DockerPodOrchestrator"/> directly from the container, see <see cref="DockerServiceCollectionExtensions.AddDockerPodOrchestrator"/>.
    /// </summary>
    public static IForce12Builder AddDocker(this IForce12Builder builder, DockerOrchestratorOptions? options = null)
    {
        var defaults = options ?? new DockerOrchestratorOptions();
        return builder.AddOrchestratorKind(s => new DockerOrchestratorProvider(defaults, s.Time, s.Loggers, s.Metrics));
    }
}
