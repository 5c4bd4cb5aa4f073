namespace Force12.Queues.Core.Agent;

/// <summary>
/// Decides whether the agent is ready (<c>/readyz</c>): every pipeline had a successful
/// collection within the last <c>maxTicksSinceSuccess</c> ticks. Pure.
/// </summary>
public static class AgentReadiness
{
    /// <summary>Default number of ticks a pipeline may go without a successful collection.</summary>
    public const int DefaultMaxTicksSinceSuccess = 3;

    /// <summary>Returns the pipelines that keep the agent from being ready; empty when it is ready.</summary>
    /// <param name="status">The latest status.</param>
    /// <param name="maxTicksSinceSuccess">Ticks allowed since the last successful collection; at least 1.</param>
    public static IReadOnlyList<string> NotReadyPipelines(AgentStatus status, int maxTicksSinceSuccess = DefaultMaxTicksSinceSuccess)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicksSinceSuccess, 1);
        if (status.Tick == 0)
        {
            return status.Pipelines.Select(p => p.Name).ToArray();
        }

        return status.Pipelines
            .Where(p => p.LastSuccessfulCollectTick is not { } last || status.Tick - last >= maxTicksSinceSuccess)
            .Select(p => p.Name)
            .ToArray();
    }
}
