using System.Globalization;

namespace Force12.Queues.Core.Pods;

/// <summary>Makes pod ids: <c>&lt;pipeline&gt;-&lt;10 hex digits&gt;</c>, valid as part of Docker and Kubernetes names.</summary>
public static class PodIds
{
    /// <summary>A new pod id for <paramref name="pipeline"/>, unique with overwhelming probability.</summary>
    public static string New(string pipeline)
    {
        ArgumentException.ThrowIfNullOrEmpty(pipeline);
        var suffix = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..10];
        return $"{pipeline}-{suffix}";
    }
}
