using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Swarm;

/// <summary>
/// Sets a replicated service's replica count the way the Engine API asks: read the service, send its whole spec back with
/// only <c>Mode.Replicated.Replicas</c> changed, at the version read. A write that meets a newer version (someone else
/// updated the service in between; the engine answers "update out of sequence") is read again and retried, at most
/// <see cref="MaxAttempts"/> times with a short backoff, so the other writer's change is kept, never overwritten. The
/// orchestrator's reads (the service, its tasks) go through here too, so every engine error names the service and pipeline.
/// </summary>
internal sealed class SwarmReplicaWriter(ISwarmServiceClient client, TimeProvider time, ILogger logger)
{
    /// <summary>Writes tried before a conflict is reported: 5.</summary>
    public const int MaxAttempts = 5;

    private static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(100);

    /// <summary>The service, or an exception naming it and the pipeline when the engine does not know it.</summary>
    public async Task<SwarmService> InspectAsync(string pipeline, string service, CancellationToken cancellationToken) =>
        await SwarmErrors.ReadAsync(pipeline, service, "read the service", () => client.InspectServiceAsync(service, cancellationToken)).ConfigureAwait(false)
        ?? throw new InvalidOperationException(
            $"Swarm service '{service}' of pipeline '{pipeline}' was not found (create it, or fix pipelines.{pipeline}.orchestrator.service)");

    /// <summary>
    /// Sets the replicas of <paramref name="service"/> to what <paramref name="replicasFrom"/> makes of the count read (on
    /// every try, so a count derived from the current one stays right after a conflict); returns the service's id and the
    /// count written (no write when it was already that).
    /// </summary>
    public async Task<(string ServiceId, int Replicas)> SetReplicasAsync(string pipeline, string service, Func<int, int> replicasFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replicasFrom);
        for (var attempt = 1; ; attempt++)
        {
            var current = await InspectAsync(pipeline, service, cancellationToken).ConfigureAwait(false);
            var mode = ReplicatedModeOf(pipeline, service, current);
            var before = mode.Replicas ?? 0;
            var replicas = replicasFrom((int)Math.Min(int.MaxValue, before));
            if (before == (ulong)replicas)
            {
                return (current.ID, replicas);
            }

            mode.Replicas = (ulong)replicas;
            try
            {
                await client.UpdateServiceAsync(current.ID, (long)current.Version.Index, current.Spec, cancellationToken).ConfigureAwait(false);
                SwarmLog.ReplicasSet(logger, pipeline, service, before, replicas);
                return (current.ID, replicas);
            }
            catch (DockerApiException e) when (IsStaleVersion(e) && attempt < MaxAttempts)
            {
                SwarmLog.VersionConflict(logger, pipeline, service, current.Version.Index, attempt);
                await Task.Delay(Backoff * attempt, time, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException e)
            {
                var why = IsStaleVersion(e) ? $"was changed by another writer on each of {MaxAttempts} tries" : "refused the update";
                throw new InvalidOperationException(
                    $"Swarm service '{service}' of pipeline '{pipeline}' {why} (replicas {before} -> {replicas}): {(int)e.StatusCode} {e.ResponseBody?.Trim()}", e);
            }
        }
    }

    /// <summary>Every task the engine keeps for the service <paramref name="serviceId"/>, old ones included.</summary>
    public Task<IList<TaskResponse>> ListTasksAsync(string pipeline, string service, string serviceId, CancellationToken cancellationToken) =>
        SwarmErrors.ReadAsync(pipeline, service, "list the service's tasks", () => client.ListTasksAsync(serviceId, cancellationToken));

    /// <summary>The replicated mode of <paramref name="current"/>, or an exception naming the service when it is global (or a job).</summary>
    public static ReplicatedService ReplicatedModeOf(string pipeline, string service, SwarmService current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.Spec?.Mode?.Replicated
            ?? throw new InvalidOperationException(
                $"Swarm service '{service}' of pipeline '{pipeline}' is not a replicated service (mode {ModeName(current.Spec?.Mode)}): the swarm orchestrator scales only replicated services (docker service create --mode replicated)");
    }

    /// <summary>Whether the engine refused a write because the version sent is no longer the service's version.</summary>
    public static bool IsStaleVersion(DockerApiException e) =>
        e.StatusCode == HttpStatusCode.Conflict
        || (e.ResponseBody?.Contains("update out of sequence", StringComparison.OrdinalIgnoreCase) ?? false);

    private static string ModeName(ServiceMode? mode) =>
        mode?.Global is not null ? "global" : mode is null ? "unknown" : "not replicated";
}
