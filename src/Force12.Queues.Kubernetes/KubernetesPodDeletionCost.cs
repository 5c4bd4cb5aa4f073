using Force12.Queues.Core.Pods;
using k8s.Models;

namespace Force12.Queues.Kubernetes;

/// <summary>
/// Steers the ReplicaSet controller's choice on scale-down with the <c>controller.kubernetes.io/pod-deletion-cost</c>
/// annotation (an int32, default 0; the lowest goes first among pods of the same readiness). The victims chosen by
/// <see cref="ScaleDownVictims"/> (not ready first, then newest) get <see cref="VictimCost"/>; a pod that carries
/// <see cref="VictimCost"/> from an earlier scale-down but is not a victim now has it removed, so an old mark never
/// picks the wrong pod. Other values (set by someone else) are left alone. Pure.
/// </summary>
public static class KubernetesPodDeletionCost
{
    /// <summary>The annotation the ReplicaSet controller reads.</summary>
    public const string Annotation = "controller.kubernetes.io/pod-deletion-cost";

    /// <summary>The cost given to victims: below the default 0 of every other pod.</summary>
    public const string VictimCost = "-100";

    /// <summary>
    /// The annotation changes to make before lowering replicas: pod name and the new value (null removes it). Pods
    /// that already carry the right value are not in the list.
    /// </summary>
    public static IReadOnlyList<(string Pod, string? Cost)> Changes(IEnumerable<V1Pod> pods, IReadOnlyCollection<string> victims)
    {
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(victims);
        var changes = new List<(string Pod, string? Cost)>();
        foreach (var pod in pods.Where(p => p.Metadata?.DeletionTimestamp is null))
        {
            var name = pod.Metadata?.Name ?? "";
            string? current = null;
            pod.Metadata?.Annotations?.TryGetValue(Annotation, out current);
            if (victims.Contains(name) && current != VictimCost)
            {
                changes.Add((name, VictimCost));
            }
            else if (!victims.Contains(name) && current == VictimCost)
            {
                changes.Add((name, null));
            }
        }

        return changes;
    }
}
