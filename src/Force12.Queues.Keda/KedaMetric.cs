using Force12.Queues.Core.Agent;

namespace Force12.Queues.Keda;

/// <summary>
/// The metric the agent serves to KEDA, as pure functions of a pipeline's status. The HPA that KEDA creates gets an
/// External metric with an <c>AverageValue</c> target of <see cref="TargetPerPod"/> and computes
/// desired = ceil(metric / target) (outside its tolerance, 10% by default): with a target of 1 per pod and the agent's
/// target pods as the value, the HPA's desired count is the agent's.
/// </summary>
public static class KedaMetric
{
    /// <summary>The per-replica target (<c>targetSizeFloat</c>): one pod per pod the agent wants.</summary>
    public const double TargetPerPod = 1.0;

    /// <summary>The metric's name for a pipeline (KEDA adds its own <c>sN-</c> prefix on the HPA).</summary>
    public static string NameOf(string pipeline) => $"force12-{pipeline}-pods";

    /// <summary>
    /// The metric's value: the pods the agent would run (<see cref="PipelineStatus.TargetPods"/>, the SLA's need after
    /// the shared capacity pool was divided), never negative.
    /// </summary>
    public static double ValueOf(PipelineStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return Math.Max(0, status.TargetPods);
    }

    /// <summary>Whether the workload should run at all (KEDA's activity): at least one pod wanted.</summary>
    public static bool IsActive(PipelineStatus status) => ValueOf(status) > 0;
}
