using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Agent.Instrumentation;

/// <summary>Feeds the control loop's events into <see cref="AgentMetrics"/>.</summary>
public sealed class MetricsLoopObserver(AgentMetrics metrics) : IControlLoopObserver
{
    /// <inheritdoc />
    public void TickCompleted(AgentStatus status, TimeSpan duration)
    {
        metrics.Observe(status);
        metrics.RecordTick(duration);
    }

    /// <inheritdoc />
    public void CollectionFailed(string pipeline, LagError failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        metrics.RecordCollectorError(pipeline, failure.SourceKind);
    }

    /// <inheritdoc />
    public void PodsChanged(string pipeline, PodOperationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        metrics.RecordScale(pipeline, ScaleDirection.Up, result.Started.Count);
        metrics.RecordScale(pipeline, ScaleDirection.Down, result.Stopped.Count);
        foreach (var pod in result.Started)
        {
            if (pod.TimeToRunning is { } latency)
            {
                metrics.RecordPodStart(pipeline, latency);
            }
        }
    }
}
