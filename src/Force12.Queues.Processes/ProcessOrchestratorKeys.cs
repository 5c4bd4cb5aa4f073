using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Processes;

/// <summary>
/// The keys of the <c>process</c> orchestrator, written once for its provider, its validator and the schema test:
/// the agent-wide section <c>orchestrators.process</c> and a pipeline's <c>orchestrator</c> mapping.
/// </summary>
public static class ProcessOrchestratorKeys
{
    /// <summary><c>stateDirectory</c>: absolute path of the folder where pods are recorded (default <c>$XDG_STATE_HOME/force12/pods</c>).</summary>
    public const string StateDirectory = "stateDirectory";

    /// <summary><c>maxParallelPodStarts</c>: pods started at the same time during one scale-up (default 8).</summary>
    public const string MaxParallelPodStarts = "maxParallelPodStarts";

    /// <summary><c>stopPollInterval</c>: how often a stopping pod's processes are checked for exit (default 50ms).</summary>
    public const string StopPollInterval = "stopPollInterval";

    /// <summary>Every key <c>orchestrators.process</c> accepts.</summary>
    public static IReadOnlyList<string> All { get; } = [StateDirectory, MaxParallelPodStarts, StopPollInterval];

    /// <summary>Every key a pipeline's <c>orchestrator</c> mapping of kind <c>process</c> accepts: only <c>kind</c> so far.</summary>
    public static IReadOnlyList<string> Pipeline { get; } = [OrchestratorKeys.Kind];
}
