using System.Text.Json.Nodes;
using static Force12.Queues.Kubernetes.Tests.Double.KubernetesApiDoubleJson;

namespace Force12.Queues.Kubernetes.Tests.Double;

/// <summary>
/// The state behind <see cref="KubernetesApiDouble"/> and the API calls on it, under one lock: workloads with their
/// replica counts, pods, HorizontalPodAutoscalers, a cluster-wide resourceVersion that every change increments, and
/// the faults a test asks for (409 on the next writes, 403 for a verb and resource). The controllers live in
/// <see cref="KubernetesApiDoubleControllers"/>. Each call answers (HTTP status, JSON body).
/// </summary>
internal sealed class KubernetesApiDoubleCluster
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly HashSet<string> _forbidden = new(StringComparer.Ordinal);
    private int _conflicts;

    public KubernetesApiDoubleCluster(TimeProvider time) => _time = time;

    public List<DoubleWorkload> Workloads { get; } = [];

    public List<DoublePod> Pods { get; } = [];

    public List<DoubleAutoscaler> Autoscalers { get; } = [];

    /// <summary>KEDA ScaledObjects; their API (<c>keda.sh/v1alpha1</c>) is served only once one was added (KEDA installed).</summary>
    public List<DoubleAutoscaler> ScaledObjects { get; } = [];

    public long Revision { get; private set; }

    /// <summary>Runs <paramref name="action"/> under the cluster's lock.</summary>
    public T Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            return action();
        }
    }

    public long NextRevision() => ++Revision;

    public DateTimeOffset Now => _time.GetUtcNow();

    public void InjectConflicts(int count) => Locked(() => _conflicts += count);

    public void Forbid(string verb, string resource) => Locked(() => _forbidden.Add($"{verb} {resource}"));

    public (int Status, JsonObject Body) GetScale(string resource, string ns, string name) => Locked(() =>
        Denied("get", resource + "/scale", ns, name) ?? (Find(resource, ns, name) is { } workload ? (200, Scale(workload)) : NotFound(resource, ns, name)));

    public (int Status, JsonObject Body) PatchScale(string resource, string ns, string name, string? contentType, JsonNode? patch) => Locked(() =>
    {
        if (Denied("patch", resource + "/scale", ns, name) is { } denied)
        {
            return denied;
        }

        if (Find(resource, ns, name) is not { } workload)
        {
            return NotFound(resource, ns, name);
        }

        if (UnsupportedPatch(contentType) is { } unsupported)
        {
            return unsupported;
        }

        var stale = patch?["metadata"]?["resourceVersion"]?.GetValue<string>() is { } version && version != workload.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (_conflicts > 0 || stale)
        {
            _conflicts = Math.Max(0, _conflicts - 1);
            return (409, Status(409, "Conflict", $"Operation cannot be fulfilled on {resource}.apps \"{name}\": the object has been modified; please apply your changes to the latest version and try again", name, "apps", resource));
        }

        if (patch?["spec"]?["replicas"] is { } replicas)
        {
            var count = replicas.GetValue<int>();
            if (count < 0)
            {
                return (422, Status(422, "Invalid", $"Scale.autoscaling \"{name}\" is invalid: spec.replicas: Invalid value: {count}: must be greater than or equal to 0", name, "autoscaling", "Scale"));
            }

            if (count != workload.Replicas)
            {
                workload.Replicas = count;
                workload.ResourceVersion = NextRevision();
            }
        }

        return (200, Scale(workload));
    });

    public (int Status, JsonObject Body) ListPods(string ns, string? selector) => Locked(() =>
    {
        if (Denied("list", "pods", ns, null) is { } denied)
        {
            return denied;
        }

        var wanted = ParseSelector(selector);
        var items = Pods.Where(p => p.Owner.Namespace == ns && wanted.All(w => Matches(p.Owner.Labels, w)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(Pod);
        return (200, List("v1", "PodList", Revision, items));
    });

    public (int Status, JsonObject Body) PatchPod(string ns, string name, string? contentType, JsonNode? patch) => Locked(() =>
    {
        if (Denied("patch", "pods", ns, name) is { } denied)
        {
            return denied;
        }

        if (Pods.FirstOrDefault(p => p.Owner.Namespace == ns && p.Name == name) is not { } pod)
        {
            return (404, Status(404, "NotFound", $"pods \"{name}\" not found", name, null, "pods"));
        }

        if (UnsupportedPatch(contentType) is { } unsupported)
        {
            return unsupported;
        }

        foreach (var (key, value) in patch?["metadata"]?["annotations"]?.AsObject() ?? [])
        {
            if (value is null)
            {
                pod.Annotations.Remove(key);
            }
            else
            {
                pod.Annotations[key] = value.GetValue<string>();
            }
        }

        pod.ResourceVersion = NextRevision();
        return (200, Pod(pod));
    });

    public (int Status, JsonObject Body) ListAutoscalers(string ns) => Locked(() =>
        Denied("list", "horizontalpodautoscalers", ns, null)
            ?? (200, List("autoscaling/v2", "HorizontalPodAutoscalerList", Revision, Autoscalers.Where(a => a.Namespace == ns).Select(Autoscaler))));

    public (int Status, JsonObject Body)? ListScaledObjects(string ns) => Locked<(int, JsonObject)?>(() =>
        ScaledObjects.Count == 0
            ? null // no CRD, no such resource: the caller answers the API server's plain 404
            : Denied("list", "scaledobjects", ns, null)
                ?? (200, List("keda.sh/v1alpha1", "ScaledObjectList", Revision, ScaledObjects.Where(o => o.Namespace == ns).Select(ScaledObject))));

    public DoubleWorkload? Find(string resource, string ns, string name) =>
        Workloads.FirstOrDefault(w => w.Resource == resource && w.Namespace == ns && w.Name == name);

    private static (int, JsonObject) NotFound(string resource, string ns, string name) =>
        (404, Status(404, "NotFound", $"{resource}.apps \"{name}\" not found", name, "apps", resource));

    private static (int, JsonObject)? UnsupportedPatch(string? contentType) =>
        contentType?.Split(';')[0].Trim() == "application/merge-patch+json"
            ? null
            : (415, Status(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/merge-patch+json (the double serves merge patches only; got '{contentType}')"));

    public (int, JsonObject)? Denied(string verb, string resource, string ns, string? name)
    {
        if (!_forbidden.Contains($"{verb} {resource}"))
        {
            return null;
        }

        var group = resource switch
        {
            _ when resource.StartsWith("pods", StringComparison.Ordinal) => "",
            _ when resource.StartsWith("horizontal", StringComparison.Ordinal) => "autoscaling",
            "leases" => "coordination.k8s.io",
            "scaledobjects" => "keda.sh",
            _ => "apps",
        };
        var subject = name is null ? resource.Split('/')[0] : $"{resource.Split('/')[0]}{(group.Length == 0 ? "" : "." + group)} \"{name}\"";
        return (403, Status(403, "Forbidden",
            $"{subject} is forbidden: User \"system:serviceaccount:force12:force12-agent\" cannot {verb} resource \"{resource}\" in API group \"{group}\" in the namespace \"{ns}\"",
            name, group, resource.Split('/')[0]));
    }

    private static bool Matches(IReadOnlyDictionary<string, string> labels, (string Key, string Value, bool Equal) term) =>
        labels.TryGetValue(term.Key, out var value) ? (value == term.Value) == term.Equal : !term.Equal;

    private static List<(string Key, string Value, bool Equal)> ParseSelector(string? selector) =>
        string.IsNullOrEmpty(selector)
            ? []
            : selector.Split(',').Select(term => term.Contains("!=", StringComparison.Ordinal)
                ? (term.Split("!=")[0], term.Split("!=")[1], false)
                : (term.Split('=')[0], term.Split('=')[^1], true)).ToList();
}
