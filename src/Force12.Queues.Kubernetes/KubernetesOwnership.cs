using System.Text.Json;
using k8s.Models;

namespace Force12.Queues.Kubernetes;

/// <summary>
/// Finds another autoscaler that owns a workload's replica count: an <c>autoscaling/v2</c> HorizontalPodAutoscaler whose
/// <c>spec.scaleTargetRef</c> names the same kind and name (group <c>apps</c>). KEDA actuates every ScaledObject through
/// such an HPA (<c>keda-hpa-&lt;name&gt;</c>, labelled <c>scaledobject.keda.sh/name</c>), so this finds KEDA too; a
/// <c>keda.sh/v1alpha1</c> ScaledObject whose <c>scaleTargetRef</c> names the workload counts as well (one whose HPA
/// is not there, for example while paused). Two writers of one count fight; the agent stands back instead. Pure.
/// </summary>
public static class KubernetesOwnership
{
    /// <summary>The label KEDA puts on the HPA it creates for a ScaledObject.</summary>
    public const string KedaScaledObjectLabel = "scaledobject.keda.sh/name";

    /// <summary>
    /// Why <paramref name="target"/> is not the agent's to scale, or null when no autoscaler targets it: an HPA, else a
    /// KEDA ScaledObject from <paramref name="scaledObjects"/> (name, target kind, target name; null when not read).
    /// </summary>
    public static string? OwnedBy(IEnumerable<V2HorizontalPodAutoscaler> autoscalers, KubernetesTarget target, IEnumerable<(string Name, string Kind, string Target)>? scaledObjects = null)
    {
        if (OwnedByAutoscaler(autoscalers, target) is { } reason)
        {
            return reason;
        }

        var scaledObject = scaledObjects?.FirstOrDefault(s => s.Kind == target.Kind.ToString() && s.Target == target.Name);
        return scaledObject is { Name: { } name }
            ? $"{target} is scaled by KEDA ScaledObject '{name}'; force12 does not act on it (remove the ScaledObject, or use another target)"
            : null;
    }

    /// <summary>
    /// The ScaledObjects of a <c>ScaledObjectList</c> answer (a JSON element): name, <c>spec.scaleTargetRef.kind</c>
    /// (default Deployment) and <c>.name</c>. Entries without a target name are skipped.
    /// </summary>
    public static IReadOnlyList<(string Name, string Kind, string Target)> ScaledObjectTargets(object? list)
    {
        if (list is not JsonElement { ValueKind: JsonValueKind.Object } json || !json.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var found = new List<(string Name, string Kind, string Target)>();
        foreach (var item in items.EnumerateArray())
        {
            var name = Text(item, "metadata", "name");
            var targetName = Text(item, "spec", "scaleTargetRef", "name");
            if (name is not null && targetName is not null)
            {
                found.Add((name, Text(item, "spec", "scaleTargetRef", "kind") ?? nameof(KubernetesWorkloadKind.Deployment), targetName));
            }
        }

        return found;
    }

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var key in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(key, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    private static string? OwnedByAutoscaler(IEnumerable<V2HorizontalPodAutoscaler> autoscalers, KubernetesTarget target)
    {
        ArgumentNullException.ThrowIfNull(autoscalers);
        ArgumentNullException.ThrowIfNull(target);
        var owner = autoscalers.FirstOrDefault(hpa => hpa.Spec?.ScaleTargetRef is { } reference
            && reference.Kind == target.Kind.ToString()
            && reference.Name == target.Name
            && (reference.ApiVersion is null || reference.ApiVersion.StartsWith("apps/", StringComparison.Ordinal)));
        if (owner is null)
        {
            return null;
        }

        string? scaledObject = null;
        owner.Metadata?.Labels?.TryGetValue(KedaScaledObjectLabel, out scaledObject);
        var keda = scaledObject is null ? "" : $" (created by KEDA for ScaledObject '{scaledObject}')";
        return $"{target} is scaled by HorizontalPodAutoscaler '{owner.Metadata?.Name}'{keda}; force12 does not act on it (remove the autoscaler, or use another target)";
    }
}
