using Force12.Queues.Core.Agent;

namespace Force12.Queues.Processes;

/// <summary>Registers the <c>process</c> orchestrator on the agent's builder.</summary>
public static class ProcessBuilderExtensions
{
    /// <summary>Lets pipelines use <c>orchestrator: process</c> (pods as groups of local processes).</summary>
    public static IForce12Builder AddProcesses(this IForce12Builder builder, ProcessOrchestratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProcessPodOrchestrator(options);
        return builder;
    }
}
