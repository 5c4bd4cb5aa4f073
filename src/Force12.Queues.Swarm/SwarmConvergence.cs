using System.Globalization;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Swarm;

/// <summary>
/// Waits, bounded by <see cref="SwarmOrchestratorOptions.ConvergenceTimeout"/>, until a service runs exactly the asked
/// number of tasks and none is starting or stopping any more. Swarm converges on its own; this only says when it did,
/// or how far it got (with the last task error Swarm reported, such as a missing image).
/// </summary>
internal sealed class SwarmConvergence(SwarmReplicaWriter services, SwarmOrchestratorOptions options, TimeProvider time)
{
    /// <summary>The pods last seen, and null when they converged or a sentence naming the service and how far it got.</summary>
    public async Task<(IReadOnlyList<PodInfo> Pods, string? Problem)> AwaitAsync(
        string pipeline, string service, string serviceId, int replicas, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        while (true)
        {
            var tasks = await services.ListTasksAsync(pipeline, service, serviceId, cancellationToken).ConfigureAwait(false);
            var pods = SwarmTaskPods.From(pipeline, service, tasks);
            if (pods.Count == replicas && pods.All(p => p.State == PodState.Ready))
            {
                return (pods, null);
            }

            if (time.GetElapsedTime(start) >= options.ConvergenceTimeout)
            {
                var lastError = tasks.Where(t => !string.IsNullOrEmpty(t.Status?.Err))
                    .OrderByDescending(t => t.Status.Timestamp)
                    .Select(t => t.Status.Err)
                    .FirstOrDefault();
                var counts = PodCounts.Of(pods);
                var problem = string.Create(CultureInfo.InvariantCulture,
                    $"Swarm service '{service}' runs {counts.ContainersRunning} of {replicas} tasks after {options.ConvergenceTimeout.TotalSeconds:0.#}s ({counts.Starting} starting, {counts.Stopping} stopping); Swarm keeps converging on its own")
                    + (lastError is null ? string.Empty : $"; last task error: {lastError}");
                return (pods, problem);
            }

            await Task.Delay(options.ConvergencePollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
