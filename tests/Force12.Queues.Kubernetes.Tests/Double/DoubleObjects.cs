namespace Force12.Queues.Kubernetes.Tests.Double;

/// <summary>A Deployment or StatefulSet held by <see cref="KubernetesApiDouble"/>: its replica count and pod labels.</summary>
internal sealed class DoubleWorkload
{
    public required string Resource { get; init; } // "deployments" or "statefulsets"

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Uid { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public int Replicas { get; set; }

    public long ResourceVersion { get; set; }

    /// <summary>The pod labels, also the selector (<c>app=NAME,pod-template-hash=HASH</c>).</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public string Selector => string.Join(",", Labels.Select(l => $"{l.Key}={l.Value}"));

    public bool IsStatefulSet => Resource == "statefulsets";
}

/// <summary>A pod held by <see cref="KubernetesApiDouble"/>, moving Pending -> Running -> Ready, then deleted -> gone.</summary>
internal sealed class DoublePod
{
    public required DoubleWorkload Owner { get; init; }

    public required string Name { get; init; }

    public required string Uid { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? ReadyAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public long ResourceVersion { get; set; }

    public Dictionary<string, string> Annotations { get; } = new(StringComparer.Ordinal);

    public bool IsReady => ReadyAt is not null && DeletedAt is null;

    /// <summary>The int32 pod-deletion-cost (default 0; an unparsable value counts as 0, as the controller does).</summary>
    public int DeletionCost => Annotations.TryGetValue("controller.kubernetes.io/pod-deletion-cost", out var text) && int.TryParse(text, out var cost) ? cost : 0;
}

/// <summary>An autoscaling/v2 HorizontalPodAutoscaler held by <see cref="KubernetesApiDouble"/> (only listed).</summary>
internal sealed record DoubleAutoscaler(string Namespace, string Name, string TargetKind, string TargetName, IReadOnlyDictionary<string, string> Labels);
