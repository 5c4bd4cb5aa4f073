using k8s.Models;

namespace Force12.Queues.Kubernetes;

/// <summary>
/// Finds another autoscaler that owns a workload's replica count: an <c>autoscaling/v2</c> HorizontalPodAutoscaler whose
/// <c>spec.scaleTargetRef</c> names the same kind and name (group <c>apps</c>). KEDA actuates every ScaledObject through
/// such an HPA (<c>keda-hpa-&lt;name&gt;</c>, labelled <c>scaledobject.keda.sh/name</c>), so this finds KEDA too. Two
/// writers of one count fight; the agent stands back instead. Pure.
/// </summary>
public static class KubernetesOwnership
{
    /// <summary>The label KEDA puts on the HPA it creates for a ScaledObject.</summary>
    public const string KedaScaledObjectLabel = "scaledobject.keda.sh/name";

    /// <summary>Why <paramref name="target"/> is not the agent's to scale, or null when no autoscaler targets it.</summary>
    public static string? OwnedBy(IEnumerable<V2HorizontalPodAutoscaler> autoscalers, KubernetesTarget target)
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
