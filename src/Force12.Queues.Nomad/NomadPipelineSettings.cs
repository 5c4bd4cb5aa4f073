using Force12.Queues.Core.Pods;

namespace Force12.Queues.Nomad;

/// <summary>One pipeline's Nomad target: the task group <paramref name="Group"/> of job <paramref name="Job"/> is its pod.</summary>
/// <param name="Job">The job id (<c>job</c>).</param>
/// <param name="Group">The task group (<c>group</c>) whose count the agent sets.</param>
public sealed record NomadPipelineSettings(string Job, string Group) : OrchestratorPipelineSettings
{
    /// <summary>How messages name the target: <c>job 'bulbs' group 'processor'</c>.</summary>
    public string Target => $"job '{Job}' group '{Group}'";
}
