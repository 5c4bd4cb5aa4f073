using Force12.Queues.Core.Agent;

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
        var defaults = options ?? new ProcessOrchestratorOptions();
        return builder.AddOrchestratorKind(s => new ProcessOrchestratorProvider(defaults, s.Time, s.Loggers, s.Metrics));
    }
}
