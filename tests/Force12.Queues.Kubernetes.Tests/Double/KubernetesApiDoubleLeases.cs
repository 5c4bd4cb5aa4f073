using System.Globalization;
using System.Text.Json.Nodes;
using static Force12.Queues.Kubernetes.Tests.Double.KubernetesApiDoubleJson;

namespace Force12.Queues.Kubernetes.Tests.Double;

/// <summary>
/// The <c>coordination.k8s.io/v1</c> Leases of <see cref="KubernetesApiDouble"/>, under the cluster's lock and on its
/// resourceVersion: GET (404 NotFound), POST (201; 409 AlreadyExists), PUT (200; 409 Conflict when the body's
/// <c>metadata.resourceVersion</c> is not the current one; without one the update is unconditional, as for leases on a
/// real API server). The double keeps each Lease's <c>spec</c> as written (holderIdentity, leaseDurationSeconds,
/// acquireTime, renewTime, leaseTransitions); it never expires a Lease itself, as the API server does not: candidates do.
/// Every accepted write is recorded with the agent that made it (<see cref="LeaseWrite"/>).
/// </summary>
internal sealed class KubernetesApiDoubleLeases(KubernetesApiDoubleCluster cluster)
{
    private const string Group = "coordination.k8s.io";
    private readonly Dictionary<(string Namespace, string Name), (JsonObject Metadata, JsonObject Spec)> _leases = [];

    /// <summary>Every accepted create and update, in order.</summary>
    public List<LeaseWrite> Writes { get; } = [];

    /// <summary>The holder of a Lease now (null when it does not exist or nobody holds it).</summary>
    public string? HolderOf(string ns, string name) => cluster.Locked(() =>
        _leases.TryGetValue((ns, name), out var lease) ? lease.Spec["holderIdentity"]?.GetValue<string>() : null);

    /// <summary>Every Lease's holder now, keyed NAMESPACE/NAME.</summary>
    public IReadOnlyDictionary<string, string?> Holders() => cluster.Locked(() =>
        _leases.ToDictionary(l => $"{l.Key.Namespace}/{l.Key.Name}", l => l.Value.Spec["holderIdentity"]?.GetValue<string>(), StringComparer.Ordinal));

    public (int Status, JsonObject Body) Get(string ns, string name) => cluster.Locked(() =>
        cluster.Denied("get", "leases", ns, name)
            ?? (_leases.TryGetValue((ns, name), out var lease) ? (200, Lease(lease)) : NotFound(name)));

    public (int Status, JsonObject Body) Create(string ns, JsonNode? body, string? agent) => cluster.Locked(() =>
    {
        var name = body?["metadata"]?["name"]?.GetValue<string>();
        if (cluster.Denied("create", "leases", ns, null) is { } denied)
        {
            return denied;
        }

        if (string.IsNullOrEmpty(name))
        {
            return (422, Status(422, "Invalid", "Lease.coordination.k8s.io \"\" is invalid: metadata.name: Required value: name or generateName is required", "", Group, "Lease"));
        }

        if (_leases.ContainsKey((ns, name)))
        {
            return (409, Status(409, "AlreadyExists", $"leases.{Group} \"{name}\" already exists", name, Group, "leases"));
        }

        var metadata = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["uid"] = Guid.NewGuid().ToString(),
            ["creationTimestamp"] = Time(cluster.Now),
        };
        return (201, Store(ns, name, metadata, body, agent));
    });

    public (int Status, JsonObject Body) Replace(string ns, string name, JsonNode? body, string? agent) => cluster.Locked(() =>
    {
        if (cluster.Denied("update", "leases", ns, name) is { } denied)
        {
            return denied;
        }

        if (!_leases.TryGetValue((ns, name), out var lease))
        {
            return NotFound(name);
        }

        if (body?["metadata"]?["name"]?.GetValue<string>() is { } named && named != name)
        {
            return (400, Status(400, "BadRequest", $"the name of the object ({named}) does not match the name on the URL ({name})"));
        }

        var sent = body?["metadata"]?["resourceVersion"]?.GetValue<string>();
        if (sent is not null && sent != lease.Metadata["resourceVersion"]!.GetValue<string>())
        {
            return (409, Status(409, "Conflict", $"Operation cannot be fulfilled on leases.{Group} \"{name}\": the object has been modified; please apply your changes to the latest version and try again", name, Group, "leases"));
        }

        return (200, Store(ns, name, lease.Metadata, body, agent));
    });

    private JsonObject Store(string ns, string name, JsonObject metadata, JsonNode? body, string? agent)
    {
        var revision = cluster.NextRevision();
        metadata["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);
        metadata["labels"] = body?["metadata"]?["labels"]?.DeepClone();
        var spec = body?["spec"]?.DeepClone() as JsonObject ?? [];
        _leases[(ns, name)] = (metadata, spec);
        Writes.Add(new LeaseWrite(agent, spec["holderIdentity"]?.GetValue<string>(), revision, cluster.Now));
        return Lease(_leases[(ns, name)]);
    }

    private static JsonObject Lease((JsonObject Metadata, JsonObject Spec) lease) => new()
    {
        ["kind"] = "Lease",
        ["apiVersion"] = $"{Group}/v1",
        ["metadata"] = lease.Metadata.DeepClone(),
        ["spec"] = lease.Spec.DeepClone(),
    };

    private static (int, JsonObject) NotFound(string name) =>
        (404, Status(404, "NotFound", $"leases.{Group} \"{name}\" not found", name, Group, "leases"));
}

/// <summary>One accepted Lease write: the agent that sent it (its <c>X-Double-Agent</c> header), the holder it wrote, the resourceVersion and when.</summary>
internal sealed record LeaseWrite(string? Agent, string? Holder, long ResourceVersion, DateTimeOffset At);

/// <summary>One accepted replica write: the agent that sent it, and the holder of every Lease at that moment (NAMESPACE/NAME to holder).</summary>
internal sealed record ScaleWrite(string? Agent, int Replicas, IReadOnlyDictionary<string, string?> Holders, DateTimeOffset At);
