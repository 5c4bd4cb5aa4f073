using System.Globalization;
using System.Text.Json.Nodes;

namespace Force12.Queues.Kubernetes.Tests.Double;

/// <summary>
/// The answers of <see cref="KubernetesApiDouble"/>, shaped as the Kubernetes API reference defines them: autoscaling/v1
/// <c>Scale</c>, v1 <c>Pod</c> and <c>PodList</c>, autoscaling/v2 <c>HorizontalPodAutoscalerList</c>, and the v1
/// <c>Status</c> of failures (<c>status: Failure</c>, <c>reason</c>, <c>code</c>, <c>details</c>). Times are RFC 3339
/// with whole seconds, as <c>metav1.Time</c> is written.
/// </summary>
internal static class KubernetesApiDoubleJson
{
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Status(int code, string reason, string message, string? name = null, string? group = null, string? kind = null) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["details"] = name is null ? null : new JsonObject { ["name"] = name, ["group"] = group, ["kind"] = kind },
        ["code"] = code,
    };

    public static JsonObject Scale(DoubleWorkload workload) => new()
    {
        ["kind"] = "Scale",
        ["apiVersion"] = "autoscaling/v1",
        ["metadata"] = new JsonObject
        {
            ["name"] = workload.Name,
            ["namespace"] = workload.Namespace,
            ["uid"] = workload.Uid,
            ["resourceVersion"] = workload.ResourceVersion.ToString(CultureInfo.InvariantCulture),
            ["creationTimestamp"] = Time(workload.CreatedAt),
        },
        ["spec"] = new JsonObject { ["replicas"] = workload.Replicas },
        ["status"] = new JsonObject { ["replicas"] = workload.Replicas, ["selector"] = workload.Selector },
    };

    public static JsonObject List(string apiVersion, string kind, long resourceVersion, IEnumerable<JsonObject> items) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) },
        ["items"] = new JsonArray([.. items]),
    };

    public static JsonObject Pod(DoublePod pod)
    {
        var owner = pod.Owner;
        var metadata = new JsonObject
        {
            ["name"] = pod.Name,
            ["generateName"] = owner.IsStatefulSet ? null : pod.Name[..(pod.Name.LastIndexOf('-') + 1)],
            ["namespace"] = owner.Namespace,
            ["uid"] = pod.Uid,
            ["resourceVersion"] = pod.ResourceVersion.ToString(CultureInfo.InvariantCulture),
            ["creationTimestamp"] = Time(pod.CreatedAt),
            ["labels"] = new JsonObject([.. owner.Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))]),
            ["annotations"] = pod.Annotations.Count == 0 ? null : new JsonObject([.. pod.Annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))]),
            ["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = "apps/v1",
                ["kind"] = owner.IsStatefulSet ? "StatefulSet" : "ReplicaSet",
                ["name"] = owner.IsStatefulSet ? owner.Name : $"{owner.Name}-{owner.Labels["pod-template-hash"]}",
                ["uid"] = owner.Uid,
                ["controller"] = true,
                ["blockOwnerDeletion"] = true,
            }),
        };
        if (pod.DeletedAt is { } deleted)
        {
            metadata["deletionTimestamp"] = Time(deleted);
            metadata["deletionGracePeriodSeconds"] = 30;
        }

        return new JsonObject
        {
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["containers"] = new JsonArray(Container("app"), Container("sidecar")),
                ["restartPolicy"] = "Always",
                ["terminationGracePeriodSeconds"] = 30,
            },
            ["status"] = PodStatus(pod),
        };
    }

    private static JsonObject Container(string name) => new() { ["name"] = name, ["image"] = $"bulbs-{name}:1" };

    private static JsonObject PodStatus(DoublePod pod)
    {
        var running = pod.StartedAt is not null;
        var conditions = new JsonArray(
            Condition("PodScheduled", true, pod.CreatedAt),
            Condition("Initialized", true, pod.CreatedAt),
            Condition("ContainersReady", pod.IsReady, pod.ReadyAt ?? pod.CreatedAt),
            Condition("Ready", pod.IsReady, pod.ReadyAt ?? pod.CreatedAt));
        return new JsonObject
        {
            ["phase"] = running ? "Running" : "Pending",
            ["conditions"] = conditions,
            ["hostIP"] = "10.0.0.1",
            ["podIP"] = running ? "10.244.0.7" : null,
            ["startTime"] = Time(pod.CreatedAt),
            ["containerStatuses"] = new JsonArray(ContainerStatus(pod, "app"), ContainerStatus(pod, "sidecar")),
        };
    }

    private static JsonObject Condition(string type, bool status, DateTimeOffset since) => new()
    {
        ["type"] = type,
        ["status"] = status ? "True" : "False",
        ["lastProbeTime"] = null,
        ["lastTransitionTime"] = Time(since),
    };

    private static JsonObject ContainerStatus(DoublePod pod, string name) => new()
    {
        ["name"] = name,
        ["ready"] = pod.IsReady,
        ["restartCount"] = 0,
        ["image"] = $"bulbs-{name}:1",
        ["imageID"] = $"docker.io/library/bulbs-{name}@sha256:0f3c",
        ["containerID"] = pod.StartedAt is null ? null : $"containerd://{pod.Uid[..8]}{name}",
        ["started"] = pod.StartedAt is not null,
        ["state"] = pod.StartedAt is { } started
            ? new JsonObject { ["running"] = new JsonObject { ["startedAt"] = Time(started) } }
            : new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ContainerCreating" } },
    };

    public static JsonObject Autoscaler(DoubleAutoscaler hpa) => new()
    {
        ["apiVersion"] = "autoscaling/v2",
        ["kind"] = "HorizontalPodAutoscaler",
        ["metadata"] = new JsonObject
        {
            ["name"] = hpa.Name,
            ["namespace"] = hpa.Namespace,
            ["labels"] = new JsonObject([.. hpa.Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))]),
        },
        ["spec"] = new JsonObject
        {
            ["scaleTargetRef"] = new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = hpa.TargetKind, ["name"] = hpa.TargetName },
            ["minReplicas"] = 1,
            ["maxReplicas"] = 10,
            ["metrics"] = new JsonArray(new JsonObject
            {
                ["type"] = "Resource",
                ["resource"] = new JsonObject { ["name"] = "cpu", ["target"] = new JsonObject { ["type"] = "Utilization", ["averageUtilization"] = 80 } },
            }),
        },
        ["status"] = new JsonObject { ["currentReplicas"] = 1, ["desiredReplicas"] = 1 },
    };

    public static JsonObject ScaledObject(DoubleAutoscaler scaledObject)
    {
        var reference = new JsonObject { ["name"] = scaledObject.TargetName };
        if (scaledObject.TargetKind != "Deployment")
        {
            // KEDA defaults kind to Deployment; a Deployment's reference usually leaves it out.
            reference["apiVersion"] = "apps/v1";
            reference["kind"] = scaledObject.TargetKind;
        }

        return new JsonObject
        {
            ["apiVersion"] = "keda.sh/v1alpha1",
            ["kind"] = "ScaledObject",
            ["metadata"] = new JsonObject
            {
                ["name"] = scaledObject.Name,
                ["namespace"] = scaledObject.Namespace,
                ["annotations"] = new JsonObject([.. scaledObject.Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))]),
            },
            ["spec"] = new JsonObject
            {
                ["scaleTargetRef"] = reference,
                ["minReplicaCount"] = 0,
                ["maxReplicaCount"] = 50,
                ["triggers"] = new JsonArray(new JsonObject
                {
                    ["type"] = "kafka",
                    ["metadata"] = new JsonObject { ["bootstrapServers"] = "kafka:9092", ["consumerGroup"] = "bulbs", ["topic"] = "bulbs", ["lagThreshold"] = "50" },
                }),
            },
        };
    }
}
